# asyncio.TaskGroup (Python 3.11) is a scope: leaving its block, by an
# error in a task or by a cancellation from outside, cancels the tasks
# still running and waits until they have finished.
import asyncio


async def call(service, seconds, reply, refused=None):
    await asyncio.sleep(seconds)
    if refused:
        raise RuntimeError(f"{service}: {refused}")
    print(f"{service}: {reply}")


async def place_order(order, refused=None):
    print(f"order {order}: calling three services")
    async with asyncio.TaskGroup() as calls:
        calls.create_task(call("inventory", 2, "2 items reserved"))
        calls.create_task(call("payment", 1, "card charged", refused))
        calls.create_task(call("shipping", 3, "label printed"))
    print(f"order {order}: placed")


async def main():
    try:
        await place_order(1, "card declined")
    except* RuntimeError as errors:
        print(f"main: order 1 failed ({errors.exceptions[0]})")
    try:
        await asyncio.wait_for(place_order(2), timeout=0.5)
    except TimeoutError:
        print("main: order 2 abandoned by the customer")
    await asyncio.sleep(3)
    print("main: done")


asyncio.run(main())
