# The stock actor in asyncio: a task that owns the counts, an
# asyncio.Queue(maxsize=2) as its mailbox, and a Future per question.
# asyncio has no drop: the actor stops on a None that `main` sends once
# it knows every caller is done.
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


async def web_shop(stock):
    print("web: reserving 6 bolts")
    try:
        left = await stock.reserve("bolts", 6)
        print(f"web: reserved, {left} bolts left")
    except OutOfStock as e:
        print(f"web: refused: {e}")
    del stock  # tells the actor nothing
    print("web: done, handle dropped")


async def till(stock):
    print("till: reserving 6 bolts")
    try:
        left = await stock.reserve("bolts", 6)
        print(f"till: reserved, {left} bolts left")
    except OutOfStock as e:
        print(f"till: refused: {e}")
    print("till: restocking 20 bolts")
    await stock.restock("bolts", 20)
    print("till: restock queued")
    print("till: reserving 6 bolts")
    try:
        left = await stock.reserve("bolts", 6)
        print(f"till: reserved, {left} bolts left")
    except OutOfStock as e:
        print(f"till: refused: {e}")
    del stock
    print("till: done, handle dropped")


async def main():
    stock, actor = start_stock({"bolts": 10})
    web = asyncio.create_task(web_shop(stock))
    till_task = asyncio.create_task(till(stock))
    await web
    await till_task
    await stock.stop()  # `main` knows both callers are done
    await actor
    print("main: the stock actor's task has ended")

asyncio.run(main())
