# The same coroutine in Python: calling `deliver(7)` runs nothing either; it
# makes a coroutine object, whose frame (its locals, and where it stopped)
# lives on the heap and is resumed at each `await`.
import asyncio


async def deliver(order):
    print(f"order {order}: packing")
    await asyncio.sleep(0.5)
    print(f"order {order}: shipping")
    await asyncio.sleep(1)
    print(f"order {order}: delivered")


async def main():
    await deliver(7)
    print("main: order 7 is home")


asyncio.run(main())
