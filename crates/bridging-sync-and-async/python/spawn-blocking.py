# The fix: the same exporter call on a worker thread (asyncio.to_thread),
# where no event loop runs, so its own Runner may block that thread.
import asyncio


class PriceClient:
    """The async client: a handle to the task that owns the connection."""

    def __init__(self, requests, connection):
        self._requests = requests
        self._connection = connection  # the loop keeps only a weak reference

    @classmethod
    async def connect(cls):
        requests = asyncio.Queue(16)
        # The task belongs to the event loop that runs `connect`.
        connection = asyncio.create_task(price_connection(requests))
        return cls(requests, connection)

    async def quote(self, symbol):
        price = asyncio.get_running_loop().create_future()
        await self._requests.put((symbol, price))
        return await price


async def price_connection(requests):
    # A table plays the remote price service.
    table = {"AAPL": 18950, "MSFT": 41120, "NVDA": 11830}
    while True:
        symbol, price = await requests.get()
        price.set_result(table.get(symbol, 0))


class BlockingPriceClient:
    """For the synchronous code base: an event loop of its own, reused."""

    def __init__(self):
        # asyncio.Runner (3.11) keeps one event loop across its run() calls,
        # as the Rust version keeps its runtime; asyncio.run() would make a
        # new loop each time, and close it, connection task and all.
        self._runner = asyncio.Runner()
        self._inner = self._runner.run(PriceClient.connect())

    def quote(self, symbol):
        # Blocks until the answer is in; the connection task runs only
        # inside run(), on this thread.
        return self._runner.run(self._inner.quote(symbol))

    def close(self):
        self._runner.close()


def export_csv(symbols):
    """The legacy CSV exporter: synchronous, and it stays that way."""
    prices = BlockingPriceClient()
    try:
        rows = ["symbol,price"]
        for symbol in symbols:
            cents = prices.quote(symbol)
            rows.append(f"{symbol},{cents // 100}.{cents % 100:02}")
        return rows
    finally:
        prices.close()


async def serve_export():
    return await asyncio.to_thread(export_csv, ["AAPL", "MSFT", "NVDA"])


async def main():
    rows = await asyncio.create_task(serve_export())
    for row in rows:
        print(f"dashboard: {row}")


asyncio.run(main())
