# `asyncio.wait_for(coro, 5)` and `async with asyncio.timeout(5)` are
# `tokio::time::timeout`: at the deadline the coroutine is cancelled
# (a `CancelledError` is raised inside it) and `TimeoutError` is raised.
import asyncio


async def charge(gateway, order, seconds):
    print(f"{gateway}: charging order {order}")
    await asyncio.sleep(seconds)
    print(f"{gateway}: approved")
    return "approved"


async def main():
    try:
        status = await asyncio.wait_for(charge("primary gateway", 42, 8), 5)
        print(f"main: payment {status}")
    except TimeoutError:
        print("main: primary gateway timed out after 5 s")
    try:
        async with asyncio.timeout(5):
            status = await charge("backup gateway", 42, 1)
        print(f"main: payment {status}")
    except TimeoutError:
        print("main: backup gateway timed out after 5 s")


asyncio.run(main())
