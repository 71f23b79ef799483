# An exception in a task ends that task only; awaiting the task raises it
# in the awaiter, as a panic comes back as a `JoinError` in Rust.
import asyncio


async def read_sensor(sensor):
    print(f"{sensor}: reading")
    await asyncio.sleep(1)
    if sensor == "boiler":
        raise RuntimeError("wire cut")
    return 21.5


async def main():
    boiler = asyncio.create_task(read_sensor("boiler"))
    try:
        celsius = await boiler
        print(f"main: boiler at {celsius:.1f} °C")
    except RuntimeError as e:
        print(f"main: the boiler task failed: {e}")
    kitchen = asyncio.create_task(read_sensor("kitchen"))
    celsius = await kitchen
    print(f"main: kitchen at {celsius:.1f} °C")


asyncio.run(main())
