# asyncio.wait races tasks and futures (it refuses bare coroutines), and
# the event loop runs every task it has woken: so Python writes the fix of
# the futurelock from the start. asyncio.Lock, too, hands the lock to its
# first waiter.
import asyncio


class Prices:
    version = 1


async def reindex(lock, prices):
    await asyncio.sleep(1)
    print(f"reindex: done, releasing the price list (version {prices.version})")
    lock.release()


async def refresh_prices(lock, prices, who):
    print(f"{who}: waiting for the price list")
    async with lock:
        print(f"{who}: has the price list")
        await asyncio.sleep(0.2)
        prices.version += 1
        print(f"{who}: prices at version {prices.version}")


async def main():
    lock, prices = asyncio.Lock(), Prices()
    await lock.acquire()
    reindexing = asyncio.create_task(reindex(lock, prices))
    quote = asyncio.create_task(refresh_prices(lock, prices, "quote"))
    done, _ = await asyncio.wait({quote}, timeout=0.5)
    if done:
        print("main: quote refreshed")
    else:
        print("main: the quote is slow; refreshing the status page meanwhile")
        await refresh_prices(lock, prices, "status")
    await reindexing
    print(f"main: price list locked? {str(lock.locked()).lower()}")


asyncio.run(main())
