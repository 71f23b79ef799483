# The pipeline as an async generator: iterate, filter, map, then await a
# charge per order before taking the next one.
import asyncio
from dataclasses import dataclass


@dataclass
class Order:
    id: int
    cents: int


async def charge(id, cents):
    print(f"payments: charging order {id}")
    await asyncio.sleep(0.5)
    return f"receipt for order {id}: {cents} cents"


async def receipts(orders):
    for order in orders:                 # stream::iter
        if order.cents >= 1_000:         # filter
            id, cents = order.id, order.cents   # map
            yield await charge(id, cents)       # then


async def main():
    orders = [Order(1, 2_500), Order(2, 300), Order(3, 4_000), Order(4, 1_200)]
    pipeline = receipts(orders)  # an async generator object: nothing runs yet
    print("shop: pipeline built, nothing charged yet")
    async for receipt in pipeline:
        print(f"shop: {receipt}")

asyncio.run(main())
