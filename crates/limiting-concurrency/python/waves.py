# Batches of three with asyncio.gather: at most three at once, but each
# batch waits for its slowest download.
import asyncio


def download_time(file):
    return 0.3 + 0.1 * ((file - 1) % 3)


async def download(file):
    print(f"file-{file:02}.zip: downloading")
    await asyncio.sleep(download_time(file))


async def main():
    files = list(range(1, 21))
    for start in range(0, len(files), 3):
        await asyncio.gather(*(download(file) for file in files[start:start + 3]))
    print("all 20 files downloaded")

asyncio.run(main())
