# The notebook's "EXAMPLE # 1 of sequential async execution", which is in
# fact concurrent (asyncio.gather). Run with `asyncio.run(main())` instead
# of a top-level `await`; "done" is printed to show when gather returns.
import asyncio


async def task_1():
    print("Task 1 started")
    await asyncio.sleep(2)        #note "await" keyword is always be inside in "async" function or coroutine
    print("Task 1 finished")


async def task_2():
    print("Task 2 started")
    await asyncio.sleep(1)
    print("Task 2 finished")


async def main():
    await asyncio.gather(task_1(), task_2())
    print("done")

asyncio.run(main())
