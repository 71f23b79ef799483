# The same two inboxes of one place each, as `asyncio.Queue(maxsize=1)`.
# Python needs no registry to say where a task waits: the tripwire asks
# each pending task for its stack, the coroutine frames it is suspended in.
import asyncio


async def hub(requests, readings):
    for n in range(1, 5):
        await requests.put(n)
        print(f"hub: sent request {n}")
    for _ in range(4):
        reading = await readings.get()
        print(f"hub: got {reading:.1f} °C")


async def probe(requests, readings):
    while True:
        n = await requests.get()
        await asyncio.sleep(0.1)
        print(f"probe: measured request {n}")
        await readings.put(20.0 + n / 10)


async def main():
    requests, readings = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)
    tasks = [
        asyncio.create_task(probe(requests, readings), name="probe"),
        asyncio.create_task(hub(requests, readings), name="hub"),
    ]
    # The tripwire: asyncio.wait returns when time is up, and leaves the
    # pending tasks as they are, so their stacks can still be read.
    done, pending = await asyncio.wait(tasks, timeout=5)
    if pending:
        print("watchdog: not done after 5 s")
        for task in sorted(pending, key=lambda t: t.get_name()):
            frame = task.get_stack()[-1]
            print(f"still waiting: {task.get_name()}, in {frame.f_code.co_name}(), line {frame.f_lineno}")
        print(f"watchdog: probe's inbox: {requests.maxsize - requests.qsize()} of {requests.maxsize} free")
        print(f"watchdog: hub's inbox: {readings.maxsize - readings.qsize()} of {readings.maxsize} free")
        for task in pending:
            task.cancel()


asyncio.run(main())
