# The same puzzle with asyncio.Queue: the puts and the gets are in one
# coroutine, one after the other, so every reading is read at the end.
import asyncio


async def main():
    queue = asyncio.Queue()
    for reading in ["12.5 °C", "12.7 °C", "13.1 °C"]:
        print(f"sensor: sent {reading}")
        queue.put_nowait(reading)
        await asyncio.sleep(0.5)
    queue.put_nowait(None)  # no more readings
    while (reading := await queue.get()) is not None:
        print(f"display: got {reading}")

asyncio.run(main())
