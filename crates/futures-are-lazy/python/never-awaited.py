# The notebook's Coroutine, called and never awaited. Python builds the
# coroutine object, runs none of it, and warns when the object is thrown
# away. The warning goes to stderr; the first lines below print it on
# stdout instead, so that the .out file shows it.
import asyncio
import warnings

warnings.showwarning = lambda message, category, *rest: print(f"{category.__name__}: {message}")


async def Coroutine(name, delay):
    print(f"Coroutine {name} started")
    await asyncio.sleep(delay)
    print(f"Coroutine {name} finished after {delay} seconds")
    print("the name of the student is:",name)


async def main():
    Coroutine("Alice", 2)           # called, never awaited: nothing runs
    print("main: done")

asyncio.run(main())
