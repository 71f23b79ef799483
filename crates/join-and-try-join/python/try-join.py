# Plain `asyncio.gather`: the first exception propagates to the awaiter at
# once, as an `Err` does from Rust's `try_join!`, but the other awaitables
# are NOT cancelled: the reservation runs on and prints its last line.
import asyncio


class Declined(Exception):
    pass


async def charge_card(order):
    print(f"payment: charging the card for order {order}")
    await asyncio.sleep(1)
    print("payment: card declined")
    raise Declined("card declined")


async def reserve_stock(order):
    print(f"stock: reserving 3 items for order {order}")
    await asyncio.sleep(2)
    print("stock: 3 items reserved")
    return 3


async def main():
    try:
        charged, reserved = await asyncio.gather(charge_card(42), reserve_stock(42))
        print(f"checkout done: {charged}, {reserved}")
    except Declined as e:
        print(f"checkout failed: {e}")
    # The event loop keeps running the reservation meanwhile.
    await asyncio.sleep(2)
    print("main: done")


asyncio.run(main())
