# A plain thread is outside the event loop: asyncio.get_running_loop()
# raises there. With the dashboard's loop carried in, the thread runs
# coroutines on it with run_coroutine_threadsafe(...).result(), as
# Handle::block_on does, and starts one without waiting, as Handle::spawn.
import asyncio
import threading


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


def nightly_job(loop, prices):
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print(f"nightly job: get_running_loop(): {e}")
    report = "symbol,price\n"
    for symbol in ["AAPL", "MSFT", "NVDA"]:
        # Blocks this thread, not the loop's, until the quote is in.
        cents = asyncio.run_coroutine_threadsafe(prices.quote(symbol), loop).result()
        row = f"{symbol},{cents // 100}.{cents % 100:02}"
        print(f"nightly job: {row}")
        report += row + "\n"
    return report


async def publish(report, published):
    print(f"publish: {len(report)} bytes")
    published.set_result(report)


async def main():
    prices = await PriceClient.connect()
    loop = asyncio.get_running_loop()
    published = loop.create_future()

    def job():
        report = nightly_job(loop, prices)
        # Starts a task on the loop from this thread, and returns at once.
        asyncio.run_coroutine_threadsafe(publish(report, published), loop)

    # Never join() the thread here: that would block the loop's thread.
    threading.Thread(target=job).start()
    report = await published
    print(f"dashboard: nightly report in, {len(report.splitlines())} lines")


asyncio.run(main())
