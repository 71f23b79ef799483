# asyncio.create_task, the analogue of tokio::spawn: the task runs without
# being awaited, once main gives the event loop back at an await.
import asyncio
import time


async def download(file):
    print(f"download {file} started")
    await asyncio.sleep(2)
    print(f"download {file} finished")


async def main():
    task = asyncio.create_task(download("report.pdf"))
    print("main: spawned the download task")
    time.sleep(1)                   # busy, no await: the task cannot start
    print("main: busy for 1 s, now awaiting a sleep")
    await asyncio.sleep(1)          # the event loop runs the task now
    print("main: woke up; the download ran meanwhile")
    await task
    print("main: the download task is done")

asyncio.run(main())
