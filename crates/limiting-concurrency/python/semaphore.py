# asyncio.Semaphore(3): the loop acquires a permit before it starts each
# download task in a TaskGroup, and the task releases it when it is done.
import asyncio

AT_ONCE = 3
busy = 0  # permits taken (Rust reads this from the semaphore)


def download_time(file):
    return 0.3 + 0.1 * ((file - 1) % 3)


async def download(file, permits):
    global busy
    print(f"file-{file:02}.zip: downloading ({busy} at once)")
    try:
        await asyncio.sleep(download_time(file))
    finally:
        busy -= 1
        permits.release()


async def main():
    global busy
    permits = asyncio.Semaphore(AT_ONCE)
    # The group holds each task until it is done (then lets it go), and
    # leaving the block waits for the last ones.
    async with asyncio.TaskGroup() as downloads:
        for file in range(1, 21):
            await permits.acquire()
            busy += 1
            downloads.create_task(download(file, permits))
    print("all 20 files downloaded")

asyncio.run(main())
