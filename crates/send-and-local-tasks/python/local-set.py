# asyncio runs every task on the loop's one thread, so tasks share plain
# objects (a list here) and nothing like `Send` exists: Python's analogue of
# `Rc<RefCell<_>>` on a `LocalSet` is the default.
import asyncio


async def scan(shelf, seconds, log):
    print(f"{shelf}: scanning")
    await asyncio.sleep(seconds)
    log.append(shelf)
    print(f"{shelf}: scanned, {len(log)} in the log")


async def main():
    log = []
    aisle_1 = asyncio.create_task(scan("aisle 1", 0.8, log))
    print("main: aisle 1 queued, not started")
    aisle_2 = asyncio.create_task(scan("aisle 2", 0.3, log))
    await aisle_2
    await aisle_1
    print(f"main: log {', '.join(log)}")


asyncio.run(main())
