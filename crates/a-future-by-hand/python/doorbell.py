# An awaitable written by hand: `__await__` is a generator, and each step
# of it is one "poll". When the bell has not rung, it yields the bell (an
# asyncio Future) to the Task that runs it; the Task calls
# `bell.add_done_callback(...)` with its own wake-up, the way the Rust door
# leaves its waker with the bell. Unlike Rust, the Task, not the awaitable,
# registers the callback, and the wake-up hands the result back.
import asyncio


class Doorbell:
    def __init__(self, bell):
        self.bell = bell

    def __await__(self):
        polls = 0
        while True:
            polls += 1
            if self.bell.done():
                print(f"door: poll #{polls} Ready")
                return
            print(f"door: poll #{polls} Pending, waker left with the bell")
            # The Task adds its wake-up as the bell's done callback.
            yield from self.bell


async def courier(bell):
    await asyncio.sleep(2)
    bell.set_result(None)  # schedules the done callbacks: the door's Task
    print("courier: rang the bell")


async def main():
    bell = asyncio.get_running_loop().create_future()
    ringing = asyncio.create_task(courier(bell))
    print("main: waiting at the door")
    await Doorbell(bell)
    print("main: parcel in")
    await ringing


asyncio.run(main())
