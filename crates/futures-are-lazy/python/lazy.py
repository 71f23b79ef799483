# The notebook's "Coroutine" example, with the call and the await apart:
# calling a coroutine function only creates a coroutine object.
import asyncio


async def Coroutine(name, delay):
    print(f"Coroutine {name} started")
    await asyncio.sleep(delay)
    print(f"Coroutine {name} finished after {delay} seconds")
    print("the name of the student is:",name)


async def main():
    alice = Coroutine("Alice", 2)   # a coroutine object: nothing runs yet
    print("future created, nothing printed yet")
    await alice                     # now it runs, to its end
    print("awaited: the future ran to its end")

asyncio.run(main())
