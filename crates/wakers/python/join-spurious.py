# The same two deliveries with `asyncio.gather`. It differs from `join!`:
# gather wraps each awaitable in a Task of its own, each with its own
# wake-up, so delivering the parcel steps only the parcel's Task, and the
# letter is polled twice, not three times.
import asyncio


class Delivery:
    def __init__(self, item, slot):
        self.item, self.slot = item, slot

    def __await__(self):
        polls = 0
        while True:
            polls += 1
            if self.slot.done():
                print(f"{self.item}: poll #{polls} Ready")
                return
            print(f"{self.item}: poll #{polls} Pending")
            yield from self.slot


def deliver(item, slot):
    slot.set_result(None)
    print(f"courier: {item} delivered, calling its waker")


async def courier(parcel, letter):
    await asyncio.sleep(1)
    deliver("parcel", parcel)
    await asyncio.sleep(2)
    deliver("letter", letter)


async def main():
    loop = asyncio.get_running_loop()
    parcel, letter = loop.create_future(), loop.create_future()
    delivering = asyncio.create_task(courier(parcel, letter))
    await asyncio.gather(Delivery("parcel", parcel), Delivery("letter", letter))
    print("main: both in")
    await delivering


asyncio.run(main())
