# asyncio's way to wake a task from another thread: the thread must not
# touch the Future itself (asyncio is not thread-safe), so it asks the
# loop, with `call_soon_threadsafe`, to complete it; the Task awaiting it
# is then stepped. A Rust `Waker` is `Send` and may be called from any
# thread directly, and as often as it likes (`wake_by_ref`); an asyncio
# Future completes once, so each step waits on a new one.
import asyncio
import threading
import time


class ThreadTimer:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        loop = asyncio.get_running_loop()
        lock = threading.Lock()
        alarm = {"ticks": 0, "wake": loop.create_future()}

        def ticker():
            for tick in range(1, self.ticks + 1):
                time.sleep(1)  # blocks this thread only
                with lock:
                    alarm["ticks"] = tick
                    wake = alarm["wake"]
                print(f"ticker thread: tick {tick}, waking the task")
                loop.call_soon_threadsafe(wake.set_result, None)

        polls = 0
        while True:
            polls += 1
            with lock:
                ticks = alarm["ticks"]
                if ticks == self.ticks:
                    print(f"timer: poll #{polls} Ready")
                    return
                alarm["wake"] = wake = loop.create_future()
            if polls == 1:
                print(f"timer: poll #{polls} Pending, starting the ticker thread")
                threading.Thread(target=ticker).start()
            else:
                print(f"timer: poll #{polls} Pending, {ticks} of {self.ticks} ticks")
            yield from wake  # the Task adds its wake-up to the Future


async def main():
    await ThreadTimer(3)
    print("main: the timer is done")


asyncio.run(main())
