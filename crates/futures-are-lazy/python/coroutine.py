# The notebook's "Coroutine" example. A notebook cell may `await` at top
# level; a Python program runs it with `asyncio.run(main())`.
import asyncio 


async def Coroutine(name, delay):
    print(f"Coroutine {name} started")
    await asyncio.sleep(delay)
    print(f"Coroutine {name} finished after {delay} seconds")
    print("the name of the student is:",name)


async def main():
    await Coroutine("Alice", 2)

asyncio.run(main())
