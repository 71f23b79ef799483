# `asyncio.TaskGroup` owns its tasks, as a `JoinSet` does; `as_completed`
# hands them back in the order they finish, as `join_next()` does.
import asyncio


async def read_sensor(sensor, seconds):
    print(f"{sensor}: reading")
    await asyncio.sleep(seconds)
    return sensor, 18.0 + seconds


async def main():
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(read_sensor(sensor, seconds))
            for sensor, seconds in [("attic", 3), ("kitchen", 1), ("cellar", 2)]
        ]
        for next_done in asyncio.as_completed(tasks):
            sensor, celsius = await next_done
            print(f"main: {sensor} is at {celsius:.1f} °C")
    print("main: every sensor answered")


asyncio.run(main())
