# Python has no detach: a task runs on whether or not it is awaited, but
# the event loop keeps only a weak reference to it, so the program must
# keep one itself (`receipt` here). `Task.cancel()` is `abort()`: awaiting
# the task then raises `CancelledError`.
import asyncio


async def send_receipt():
    print("receipt: sending")
    await asyncio.sleep(2)
    print("receipt: sent")


async def build_report():
    print("report: building")
    await asyncio.sleep(3)
    print("report: built")


async def main():
    receipt = asyncio.create_task(send_receipt())  # kept, never awaited
    report = asyncio.create_task(build_report())
    print("main: not waiting for the receipt task")
    await asyncio.sleep(1)
    report.cancel()
    print("main: aborted the report task")
    try:
        await report
        print("main: the report task finished")
    except asyncio.CancelledError:
        print("main: the report task was cancelled")
    await asyncio.sleep(2)
    print("main: done")


asyncio.run(main())
