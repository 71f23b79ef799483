# `asyncio.gather(*coros)` joins as many coroutines as the list holds; the
# results come back in the order they were passed, as with `join_all`.
import asyncio


async def download(file, seconds):
    print(f"{file}: started")
    await asyncio.sleep(seconds)
    print(f"{file}: done")
    return file


async def main():
    files = [("report.pdf", 3), ("logo.png", 1), ("data.csv", 2)]
    results = await asyncio.gather(*(download(f, s) for f, s in files))
    print(f"results, in the order asked: {results!r}".replace("'", '"'))


asyncio.run(main())
