# The same stock actor (actor-handle.py): a truck restocks faster than
# the actor works, and `await put` waits while the mailbox is full.
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
async def truck(stock):
    for item in ["bolts", "nuts", "washers", "screws", "hinges"]:
        print(f"truck: sending {item}")
        await stock.restock(item, 50)  # waits while the mailbox is full
        print(f"truck: {item} queued")
    del stock
    print("truck: unloaded, handle dropped")


async def web_order(stock):
    await asyncio.sleep(0.6)  # the Rust program's 150 ms, times four
    print("web: reserving 2 hinges")
    try:
        left = await stock.reserve("hinges", 2)
        print(f"web: reserved, {left} hinges left")
    except OutOfStock as e:
        print(f"web: refused: {e}")
    del stock
    print("web: done, handle dropped")


async def main():
    catalogue = {"bolts": 0, "nuts": 0, "washers": 0, "screws": 0, "hinges": 0}
    stock, actor = start_stock(catalogue)
    web = asyncio.create_task(web_order(stock))
    await truck(stock)
    await web
    await stock.stop()
    await actor
    print("main: the stock actor's task has ended")

asyncio.run(main())
# ANCHOR_END: main
