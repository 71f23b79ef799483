"""retry-backoff in asyncio, on a clock of our own: asyncio has no paused
clock, so this loop's `time()` is a number that its selector moves. When
nothing is ready, `select(timeout)` returns at once and adds `timeout` to
the clock, as tokio's paused clock jumps to the next timer."""

import asyncio
import selectors
import time


class JumpingSelector(selectors.DefaultSelector):
    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        ready = super().select(0)
        if not ready and timeout:
            self.now += timeout
        return ready


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self.clock = JumpingSelector()
        super().__init__(self.clock)

    def time(self):
        return self.clock.now


BACKOFF = [2, 4, 8, 16]


async def with_backoff(attempt):
    for n, pause in enumerate(BACKOFF, start=1):
        try:
            return await attempt(n)
        except RuntimeError:
            await asyncio.sleep(pause)
    return await attempt(5)


def say(message):
    now = asyncio.get_running_loop().time()
    print(f"[{now:.3f}s] {message}")


async def inventory(n):
    if n < 5:
        say(f"attempt {n}: busy")
        raise RuntimeError("busy")
    say(f"attempt {n}: 17 in stock")
    return 17


async def main():
    real = time.monotonic()
    stock = await with_backoff(inventory)
    say(f"sku-42: {stock}")
    say(f"real time under 30 s: {time.monotonic() - real < 30}")


with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
    runner.run(main())
