# Sender and receiver as two coroutines under gather: the display reads
# each reading while the sensor sleeps.
import asyncio


async def sensor(queue):
    for reading in ["12.5 °C", "12.7 °C", "13.1 °C"]:
        print(f"sensor: sent {reading}")
        queue.put_nowait(reading)
        await asyncio.sleep(0.5)
    queue.put_nowait(None)  # no more readings


async def display(queue):
    while (reading := await queue.get()) is not None:
        print(f"display: got {reading}")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(sensor(queue), display(queue))

asyncio.run(main())
