# Cooperative cancellation in asyncio: an `asyncio.Event` plays the
# `CancellationToken`. Each task checks it, or waits on it, where it is
# safe to stop; nothing is interrupted mid-batch.
import asyncio


async def billing(stop):
    batch = 0
    while not stop.is_set():
        batch += 1
        print(f"billing: batch {batch} started")
        await asyncio.sleep(1)
        print(f"billing: batch {batch} done")
    print(f"billing: stop requested; progress saved after batch {batch}")
    return batch


async def mailer(stop):
    while True:
        try:
            await asyncio.wait_for(stop.wait(), 10)
            break
        except TimeoutError:
            print("mailer: sending mail")
    print("mailer: stop requested; stopped while idle")


async def main():
    stop = asyncio.Event()
    billing_task = asyncio.create_task(billing(stop))
    mailer_task = asyncio.create_task(mailer(stop))
    await asyncio.sleep(2.5)
    print("main: asking every task to stop")
    stop.set()
    batches, _ = await asyncio.gather(billing_task, mailer_task)
    print(f"main: stopped cleanly after {batches} batches")


asyncio.run(main())
