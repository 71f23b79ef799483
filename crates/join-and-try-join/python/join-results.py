# `asyncio.gather(..., return_exceptions=True)`: every coroutine runs to
# its end, and an exception comes back as a value in the results list, as
# an `Err` does from Rust's `join!`.
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


def describe(result):
    if isinstance(result, Exception):
        return f"failed ({result})"
    return f"ok ({result})"


async def main():
    payment, stock = await asyncio.gather(
        charge_card(42), reserve_stock(42), return_exceptions=True
    )
    print(f"payment {describe(payment)}, stock {describe(stock)}")


asyncio.run(main())
