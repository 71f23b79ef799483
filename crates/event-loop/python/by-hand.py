# The main steps of asyncio.run(main()), written out: build an event loop,
# run the coroutine on it until it is done, close the loop. (asyncio.run
# also cancels the tasks still pending before it closes the loop: see
# leftover-task.py. Not in the notebook; the analogue of the Rust program
# that writes out #[tokio::main].)
import asyncio


async def main():
    download = asyncio.create_task(asyncio.sleep(0, "report.pdf"))
    await download
    return asyncio.get_running_loop()


print("building an event loop")
loop = asyncio.new_event_loop()
print("run_until_complete(main()): running it until it is done")
ran_on = loop.run_until_complete(main())
print(f"run_until_complete returned: main ran on this loop: {ran_on is loop}")
loop.close()
