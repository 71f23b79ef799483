# When a task of an `asyncio.TaskGroup` raises, the group cancels the
# others and raises an `ExceptionGroup`: the attic sensor never answers,
# as when a `JoinSet` is dropped in Rust.
import asyncio


class SensorError(Exception):
    pass


async def read_sensor(sensor, seconds):
    print(f"{sensor}: reading")
    await asyncio.sleep(seconds)
    if sensor == "boiler":
        raise SensorError(f"{sensor}: no answer")
    celsius = 18.0 + seconds
    print(f"{sensor}: {celsius:.1f} °C")
    return celsius


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for sensor, seconds in [("kitchen", 1), ("boiler", 2), ("attic", 4)]:
                group.create_task(read_sensor(sensor, seconds))
    except* SensorError as failed:
        print(f"main: stocktake failed: {failed.exceptions[0]}")
    await asyncio.sleep(3)
    print("main: done")


asyncio.run(main())
