# asyncio.Queue(maxsize=2): `await put` waits while the queue is full, so
# the shop slows down to the pace of packing.
import asyncio


async def shop(orders):
    for order in range(1, 6):
        await orders.put(order)  # waits for a free slot
        print(f"shop: order {order} queued")
    print("shop: all orders queued")
    await orders.put(None)  # no more orders (Rust: the sender is dropped)


async def packing(orders):
    while (order := await orders.get()) is not None:
        print(f"packing: order {order}")
        await asyncio.sleep(0.5)
    print("packing: no more orders")


async def main():
    orders = asyncio.Queue(maxsize=2)
    shop_task = asyncio.create_task(shop(orders))
    packing_task = asyncio.create_task(packing(orders))
    await shop_task
    await packing_task

asyncio.run(main())
