# asyncio's tasks share one thread and switch only at `await`, so a plain
# dict updated between awaits needs no lock at all.
import asyncio

stock = {"umbrella": 2}


async def order(customer, payment):
    await asyncio.sleep(payment)
    # No await between reading and writing: no other task can interleave.
    if stock["umbrella"] == 0:
        print(f"{customer}: sold out")
    else:
        stock["umbrella"] -= 1
        print(f"{customer}: umbrella reserved, {stock['umbrella']} left")


async def main():
    orders = [
        asyncio.create_task(order(customer, payment))
        for customer, payment in [("alice", 1.0), ("bob", 2.0), ("carol", 0.5)]
    ]
    for task in orders:
        await task
    print(f"stock at closing: {stock['umbrella']} umbrellas")

asyncio.run(main())
