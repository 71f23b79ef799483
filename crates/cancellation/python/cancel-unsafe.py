# The same reader in asyncio, with `readexactly` under a 0.7 s
# `wait_for` in a loop. Here no byte is lost: a `StreamReader` keeps what
# has arrived in its own buffer, and `readexactly(8)` takes bytes out of it
# only once all 8 are there, so cancelling it mid-frame takes nothing.
import asyncio


async def send_frames(stream):
    for frame in ["order-01", "order-02", "order-03"]:
        print(f'sender: sending "{frame}", half now, half in 1 s')
        data = frame.encode()
        stream.feed_data(data[:4])
        await asyncio.sleep(1)
        stream.feed_data(data[4:])
    stream.feed_eof()


async def main():
    stream = asyncio.StreamReader()
    sender = asyncio.create_task(send_frames(stream))
    while True:
        try:
            frame = await asyncio.wait_for(stream.readexactly(8), 0.7)
            print(f'reader: got "{frame.decode()}"')
        except TimeoutError:
            print("reader: no frame for 0.7 s")
        except asyncio.IncompleteReadError:
            print("reader: stream ended")
            break
    await sender


asyncio.run(main())
