# Tasks made with asyncio.create_task belong to the event loop, not to the
# coroutine that made them: when the payment's error leaves place_order,
# the two other calls run on, as tokio::spawn's do.
import asyncio


async def call(service, seconds, reply, refused=None):
    await asyncio.sleep(seconds)
    if refused:
        raise RuntimeError(f"{service}: {refused}")
    print(f"{service}: {reply}")


async def place_order(order):
    print(f"order {order}: calling three services")
    inventory = asyncio.create_task(call("inventory", 2, "2 items reserved"))
    payment = asyncio.create_task(call("payment", 1, None, "card declined"))
    shipping = asyncio.create_task(call("shipping", 3, "label printed"))
    await payment  # raises: the other two tasks are left running
    await inventory
    await shipping
    print(f"order {order}: placed")


async def main():
    try:
        await place_order(1)
    except RuntimeError as error:
        print(f"main: order 1 failed ({error})")
    await asyncio.sleep(3)
    print("main: done")


asyncio.run(main())
