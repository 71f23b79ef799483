# Python races tasks with `asyncio.wait(..., return_when=FIRST_COMPLETED)`;
# unlike `select!`, it leaves the losers running: cancel them yourself.
import asyncio


async def download(mirror, seconds):
    await asyncio.sleep(seconds)
    print(f"{mirror}: download complete")
    return f"installer.iso from {mirror}"


async def main():
    print("main: asking both mirrors")
    mirrors = {
        asyncio.create_task(download("mirror-eu", 2)),
        asyncio.create_task(download("mirror-us", 1)),
    }
    done, pending = await asyncio.wait(mirrors, return_when=asyncio.FIRST_COMPLETED)
    for loser in pending:
        loser.cancel()
    print(f"main: got {done.pop().result()}")
    await asyncio.sleep(2)
    print("main: done")


asyncio.run(main())
