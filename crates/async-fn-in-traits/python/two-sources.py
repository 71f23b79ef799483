# A typing.Protocol with an `async def` method plays the trait: any class
# with a matching `price` coroutine method fits, checked by a type checker
# (mypy, pyright); at run time only with @typing.runtime_checkable, and
# then isinstance checks that `price` exists, not its signature. No
# `Send` question: asyncio runs every coroutine on the loop's one thread.
import asyncio
from typing import Protocol


class PriceSource(Protocol):
    async def price(self, sku: str) -> int: ...


class Warehouse:
    async def price(self, sku: str) -> int:
        await asyncio.sleep(1)
        return 480 if sku == "mug" else 950


class Supplier:
    def __init__(self, discount: int) -> None:
        self.discount = discount

    async def price(self, sku: str) -> int:
        await asyncio.sleep(0.3)
        listed = 500 if sku == "mug" else 1000
        return listed * (100 - self.discount) // 100


async def quote(name: str, source: PriceSource, sku: str) -> int:
    print(f"{name}: asked for {sku}")
    cents = await source.price(sku)
    print(f"{name}: {sku} costs {cents} cents")
    return cents


async def main() -> None:
    ours, theirs = await asyncio.gather(
        quote("warehouse", Warehouse(), "mug"),
        quote("supplier", Supplier(10), "mug"),
    )
    print(f"main: best price {min(ours, theirs)} cents")


asyncio.run(main())
