# Python has no Pin: a coroutine's frame lives on the heap, behind the
# coroutine object, and never moves, whatever holds the object. The
# download runs as one task, made once; `asyncio.wait(.., timeout=1)` in a
# loop gives up waiting each second without cancelling it, as `&mut` in a
# `select!` loop gives up a turn without dropping the future.
import asyncio


async def download(file):
    print(f"{file}: connecting")
    for chunk in range(1, 5):
        await asyncio.sleep(0.7)
        print(f"{file}: chunk {chunk} of 4")
    return file


async def main():
    report = asyncio.create_task(download("report.pdf"))
    ticks = 0
    while True:
        done, _ = await asyncio.wait({report}, timeout=1)
        if done:
            print(f"main: {report.result()} saved")
            break
        ticks += 1
        print(f"main: tick {ticks}, still downloading")


asyncio.run(main())
