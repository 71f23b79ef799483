# The notebook's "EXAMPLE # 2 of sequential async execution", run with
# `asyncio.run(main())` instead of a top-level `await`.
import asyncio

async def main():
    print("tim")
    await foo("text")         # here await tells to event loop Run foo("text") coroutine, and when it's done, resume me.
    print("finished")

async def foo(text):
    print(text)
    await asyncio.sleep(1)
    
asyncio.run(main())
