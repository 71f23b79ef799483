# The executor program's three downloads on asyncio's own event loop.
# asyncio.sleep(0) is Python's yield to the loop, like this executor's
# yield_now(): the task goes to the back of the loop's ready queue.
import asyncio


async def download(file, seconds):
    print(f"{file}: connecting")
    await asyncio.sleep(0)
    print(f"{file}: connected, downloading for {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{file}: done")


async def main():
    downloads = [
        asyncio.create_task(download("report.pdf", 2)),
        asyncio.create_task(download("photo.jpg", 1)),
        asyncio.create_task(download("song.mp3", 3)),
    ]
    print("main: three downloads spawned")
    for task in downloads:
        await task
    print("main: all downloads done")

asyncio.run(main())
