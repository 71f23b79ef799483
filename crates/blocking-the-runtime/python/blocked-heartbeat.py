# time.sleep inside a coroutine blocks the event loop's only thread: the
# heartbeat, due every second, is late, as in the Rust program.
import asyncio
import time


async def heartbeat(beats):
    loop = asyncio.get_running_loop()
    for beat in range(1, beats + 1):
        due = loop.time() + 1
        await asyncio.sleep(1)
        late = loop.time() - due
        if late < 0.05:
            print(f"heartbeat {beat}: on time")
        else:
            print(f"heartbeat {beat}: {late:.1f} s late")


def resize(photo):
    time.sleep(0.5)  # stands in for 0.5 s of CPU work
    return f"thumb-{photo}"


async def make_thumbnails(photos):
    print("thumbnails: waiting for the upload")
    await asyncio.sleep(1.5)
    print(f"thumbnails: resizing {len(photos)} photos")
    for photo in photos:
        resize(photo)  # blocks the loop: no other coroutine runs
    print("thumbnails: done")


async def main():
    photos = ["beach.jpg", "cat.jpg", "dog.jpg", "tree.jpg"]
    beats = asyncio.create_task(heartbeat(3))
    thumbnails = asyncio.create_task(make_thumbnails(photos))
    await thumbnails
    await beats

asyncio.run(main())
