# The notebook's "EXAMPLE # 1", made sequential for real: main awaits
# task_1() and then task_2() instead of gathering them. It runs with
# `asyncio.run(main())`, as a program must (a notebook cell may `await`).
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
    await task_1()
    await task_2()
    print("done")

asyncio.run(main())
