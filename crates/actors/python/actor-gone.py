# The same stock actor (actor-handle.py), which raises KeyError on
# "blots". Its task ends, but nothing resolves the Futures it held or the
# requests in its queue: the callers would wait forever, so each puts a
# timeout on its question.
import asyncio


class OutOfStock(Exception):
    pass


async def stock_actor(mailbox, counts):
    # The actor: this coroutine alone touches `counts`.
    while (request := await mailbox.get()) is not None:
        kind, item, qty, answer = request
        print(f"stock: {kind} {qty} {item}")
        # The stock database: 400 ms, four times the Rust program's 100 ms
        # (Python runs on real time; wide gaps keep a busy machine's late
        # timers from swapping two lines).
        await asyncio.sleep(0.4)
        if kind == "reserve":
            if qty <= counts[item]:
                counts[item] -= qty
                answer.set_result(counts[item])
            else:
                answer.set_exception(OutOfStock(f"only {counts[item]} {item} left"))
        else:
            counts[item] += qty
    print("stock: actor stopped")


class StockHandle:
    def __init__(self, mailbox):
        self._mailbox = mailbox

    async def reserve(self, item, qty):
        answer = asyncio.get_running_loop().create_future()
        await self._mailbox.put(("reserve", item, qty, answer))  # waits for room
        return await answer

    async def restock(self, item, qty):
        await self._mailbox.put(("restock", item, qty, None))  # waits for room

    async def stop(self):
        # Rust: the last handle is dropped. Here someone must say so.
        await self._mailbox.put(None)


def start_stock(catalogue):
    mailbox = asyncio.Queue(maxsize=2)
    actor = asyncio.create_task(stock_actor(mailbox, dict(catalogue)))
    return StockHandle(mailbox), actor


# ANCHOR: main
async def web_shop(stock):
    print("web: reserving 2 blots")
    try:
        async with asyncio.timeout(1):
            left = await stock.reserve("blots", 2)
        print(f"web: reserved, {left} blots left")
    except TimeoutError:
        print("web: failed: no answer within 1 s")


async def till(stock):
    print("till: reserving 3 bolts")
    try:
        async with asyncio.timeout(1):
            left = await stock.reserve("bolts", 3)
        print(f"till: reserved, {left} bolts left")
    except TimeoutError:
        print("till: failed: no answer within 1 s")
    print("till: restocking 5 bolts")
    await stock.restock("bolts", 5)  # the queue takes it: nobody will read it
    print("till: restock queued")


async def main():
    stock, actor = start_stock({"bolts": 10})
    web = asyncio.create_task(web_shop(stock))
    till_task = asyncio.create_task(till(stock))
    await web
    await till_task
    try:
        await actor
        print("main: the stock actor's task has ended")
    except KeyError as e:
        print(f"main: the stock actor's task raised KeyError: {e}")

asyncio.run(main())
# ANCHOR_END: main
