# asyncio.Lock is the analogue of tokio::sync::Mutex: `async with` waits
# for the lock without blocking, and it may be held across an await.
import asyncio


class Printer:
    def __init__(self):
        self.printed = 0

    async def print(self, customer):
        await asyncio.sleep(1)
        self.printed += 1
        print(f"{customer}: receipt printed (#{self.printed})")


async def checkout(printer, lock, customer):
    print(f"{customer}: waiting for the printer")
    async with lock:
        print(f"{customer}: got the printer")
        await printer.print(customer)


async def main():
    printer, lock = Printer(), asyncio.Lock()
    tasks = [
        asyncio.create_task(checkout(printer, lock, customer))
        for customer in ["alice", "bob", "carol"]
    ]
    for task in tasks:
        await task

asyncio.run(main())
