# asyncio's way to wake a task from another thread: the thread must not
# touch the Future itself (asyncio is not thread-safe), so it asks the
# loop, with `call_soon_threadsafe`, to complete it; the Task awaiting it
# is then stepped. A Rust `Waker` is `Send` and may be called from any
# thread directly.
import asyncio
import threading
import time


class ThreadTimer:
    def __init__(self, after):
        self.after = after

    def __await__(self):
        loop = asyncio.get_running_loop()
        alarm = loop.create_future()

        def timer_thread():
            time.sleep(self.after)  # blocks this thread only
            print(f"timer thread: {self.after}s up, calling the waker")
            loop.call_soon_threadsafe(alarm.set_result, None)

        print("timer: poll #1 Pending, starting the timer thread")
        threading.Thread(target=timer_thread).start()
        yield from alarm  # the Task adds its wake-up to the Future
        print("timer: poll #2 Ready")


async def main():
    await ThreadTimer(1)
    print("main: the timer is done")


asyncio.run(main())
