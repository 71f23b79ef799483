# A task still waiting when main returns. asyncio.run does more than close
# the loop: it cancels every task still pending and runs the loop until they
# are done, so the task's `finally` runs, its await included (Runner.close
# and _cancel_all_tasks in asyncio/runners.py). (Not in the notebook; the
# analogue of the Rust program whose runtime drops the task.)
import asyncio


async def upload():
    print("upload: started, sending for an hour")
    try:
        await asyncio.sleep(3600)
        print("upload: sent")
    finally:
        # Runs on cancellation too: asyncio.run raises CancelledError at the
        # await above, and keeps the loop running for this cleanup.
        print("upload: closing the connection, with an await")
        await asyncio.sleep(0)
        print("upload: connection closed")


async def main():
    # Keep a reference: the event loop holds its tasks only weakly.
    task = asyncio.create_task(upload())
    await asyncio.sleep(0)  # gives the loop a turn, so the upload starts
    print("main: returning; asyncio.run cancels the upload task next")


asyncio.run(main())
