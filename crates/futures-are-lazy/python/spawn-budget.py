# A task created while 200 messages wait in a queue. An await that does not
# have to wait does not give the event loop back: asyncio has no budget
# like tokio's, so the task starts only when main's loop is over.
import asyncio

received = 0


async def logger():
    print(f"logger: started; main has received {received} messages so far")


async def main():
    global received
    queue = asyncio.Queue()
    for message in range(200):
        queue.put_nowait(message)

    task = asyncio.create_task(logger())
    print("main: spawned the logger task; 200 messages are waiting")
    while not queue.empty():
        await queue.get()  # a message is waiting: returns without a switch
        received += 1
    print("main: received all 200 messages")
    await task


asyncio.run(main())
