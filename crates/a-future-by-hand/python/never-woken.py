# The same hang in asyncio: the tracker waits on a Future that nobody will
# ever complete, so its Task is never stepped again. (A bare `yield`, with
# no Future, would not hang: asyncio would step the Task again at once, a
# busy loop. In Rust, Pending without a wake-up is never polled again.)
import asyncio


class Tracker:
    def __await__(self):
        nobody_completes = asyncio.get_running_loop().create_future()
        print("tracker: poll #1 Pending, no wake-up arranged")
        yield from nobody_completes
        print("tracker: parcel located")


async def main():
    tracking = asyncio.create_task(track())
    try:
        # On timeout, `wait_for` cancels the task, as `abort()` does.
        await asyncio.wait_for(tracking, 5)
        print("main: tracked")
    except TimeoutError:
        print("main: gave up: never woken")


async def track():
    await Tracker()


asyncio.run(main())
