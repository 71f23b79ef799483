# A coroutine driven by hand: `send(None)` is one poll. The first runs
# `asyncio.sleep(3)` to its first `yield`, which hands back the Future it
# waits on (Pending); we add our own done callback to that Future, the
# waker, and send again once it has run (Ready: StopIteration). Unlike
# Rust, the coroutine does not keep a waker: the caller is told what to
# wait on, and arranges the wake-up itself.
import asyncio


async def main():
    kettle = asyncio.sleep(3)  # a coroutine object: nothing has run yet
    polls = 1
    waiting_on = kettle.send(None)  # poll #1: runs to the timer's Future
    print(f"kettle: poll #{polls} Pending")
    woken = asyncio.get_running_loop().create_future()
    waiting_on.add_done_callback(lambda _: woken.set_result(None))
    await woken  # the callback is our waker
    polls += 1
    try:
        kettle.send(None)  # poll #2: the timer has fired
    except StopIteration:
        print(f"kettle: poll #{polls} Ready")
    print("main: tea's up")


asyncio.run(main())
