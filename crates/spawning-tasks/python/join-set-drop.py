# Leaving an `async with asyncio.TaskGroup()` block waits for every task of
# the group, in both rounds. In Rust, the first round's `JoinSet` is
# dropped instead, which aborts its tasks; only the second round, with
# `join_all().await`, waits as the block does.
import asyncio


async def read_sensor(sensor, seconds):
    print(f"{sensor}: reading")
    await asyncio.sleep(seconds)
    celsius = 18.0 + seconds
    print(f"{sensor}: {celsius:.1f} °C")
    return celsius


async def main():
    async with asyncio.TaskGroup() as group:
        for sensor, seconds in [("kitchen", 1), ("attic", 2)]:
            group.create_task(read_sensor(sensor, seconds))
        await asyncio.sleep(0.5)
        print("main: leaving the block")
    print("main: left the block")
    await asyncio.sleep(2)

    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(read_sensor(sensor, seconds))
            for sensor, seconds in [("kitchen", 1), ("attic", 2)]
        ]
    readings = [task.result() for task in tasks]
    print(f"main: got {len(readings)} readings")


asyncio.run(main())
