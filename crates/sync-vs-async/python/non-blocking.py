# The notebook's first asyncio example. A notebook cell may `await main()`
# at top level; a Python program runs it with `asyncio.run(main())`.
import asyncio

async def task1():
    await asyncio.sleep(3)   # Non-blocking wait
    print("Task 1 finished")

async def task2():
    print("Task 2 finished")

async def main():
    await asyncio.gather(task1(), task2())

asyncio.run(main())
