# An async generator: `yield` hands out one reading, and the body runs on
# only when `async for` asks for the next one, as with stream::unfold.
import asyncio


async def readings():
    for taken in range(3):
        print(f"sensor: measuring #{taken + 1}")
        await asyncio.sleep(0.5)
        yield 12.5 + 0.25 * taken


async def main():
    print("display: started")
    async for celsius in readings():
        print(f"display: {celsius:.2f} °C")
    print("display: the sensor is done")

asyncio.run(main())
