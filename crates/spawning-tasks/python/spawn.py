# `asyncio.create_task` is `tokio::spawn`: the coroutine becomes a task of
# the event loop, and it starts at main's first `await`, not before.
import asyncio


async def ship(order, seconds):
    print(f"order {order}: packing")
    await asyncio.sleep(seconds)
    print(f"order {order}: shipped")
    return f"tracking number T-{order}"


async def main():
    first = asyncio.create_task(ship(1, 2))
    second = asyncio.create_task(ship(2, 1))
    print("main: spawned two tasks")
    tracking = await first
    print(f"main: order 1 returned {tracking}")
    tracking = await second
    print(f"main: order 2 returned {tracking}")


asyncio.run(main())
