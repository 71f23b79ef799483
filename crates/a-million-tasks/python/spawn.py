# N requests that each wait 1 s, gathered: asyncio.gather wraps each
# coroutine in a Task, as tokio::spawn makes one per request.
import asyncio

N = 1000


async def request():
    await asyncio.sleep(1)


async def main(n):
    await asyncio.gather(*(request() for _ in range(n)))
    print(f"{n} requests done")


if __name__ == "__main__":
    asyncio.run(main(N))
