# When `main()` returns, `asyncio.run` cancels every task still pending and
# runs the loop until they finish: `CancelledError` is raised in the task
# at its `await`, and its `except` block runs, awaits included. (A dropped
# tokio runtime drops its tasks instead: only destructors run.)
import asyncio


async def upload_logs():
    try:
        print("logs: sending part 1")
        await asyncio.sleep(1)
        print("logs: sending part 2")
        await asyncio.sleep(1)
        print("logs: part 2 sent")
    except asyncio.CancelledError:
        print("logs: cancelled mid-upload; cleaning up")
        await asyncio.sleep(0.2)  # cleanup may await: the loop still runs
        print("logs: cleanup done")
        raise


async def main():
    upload = asyncio.create_task(upload_logs())  # kept, never awaited
    await asyncio.sleep(1.5)
    print("main: returning")


asyncio.run(main())
