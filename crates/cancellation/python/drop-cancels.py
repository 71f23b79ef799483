# Python cancels a task by *asking*: `Task.cancel()` schedules a
# `CancelledError` to be raised inside the coroutine at the `await` where
# it is paused. The coroutine runs on to handle it, and may even `await`
# during its cleanup (or swallow the error); `main` must await the task to
# know that it has stopped.
import asyncio


async def upload(file):
    for part in range(1, 5):
        print(f"{file} part {part}: sending")
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(f"{file} part {part}: CancelledError raised here")
            await asyncio.sleep(0.2)  # async cleanup: tell the server
            print(f"{file} part {part}: the server was told to discard it")
            raise
        print(f"{file} part {part}: sent")
    print(f"{file}: upload complete")


async def main():
    task = asyncio.create_task(upload("video.mp4"))
    done, _ = await asyncio.wait({task}, timeout=2.5)
    if done:
        print("main: upload finished")
    else:
        print("main: the user pressed cancel")
    task.cancel()
    print("main: cancel() requested; the task is still running")
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task has stopped")


asyncio.run(main())
