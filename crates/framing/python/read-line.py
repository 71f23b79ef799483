# asyncio's StreamReader buffers for you: `readline()` returns a whole line,
# however many pieces it came in, and b"" at the end of the stream.
import asyncio
import json


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for piece in ["PAY b", "ob 10", "00\n"]:
        writer.write(piece.encode())
        await writer.drain()
        print(f"client: wrote {json.dumps(piece)}")
        await asyncio.sleep(0.1)
    two = "PAY carol 5\nPAY dave 7\n"
    writer.write(two.encode())
    await writer.drain()
    print(f"client: wrote {json.dumps(two)}")
    writer.close()
    await writer.wait_closed()


async def server(reader, writer):
    while line := await reader.readline():
        print(f'server: message "{line.decode().rstrip()}"')
    print("server: end of stream")
    writer.close()
    await writer.wait_closed()


async def main():
    # The callback hands each connection over, as `accept()` would.
    connections = asyncio.Queue()
    listener = await asyncio.start_server(
        lambda reader, writer: connections.put_nowait((reader, writer)),
        "127.0.0.1",
        0,
    )
    port = listener.sockets[0].getsockname()[1]
    async with listener:
        sending = asyncio.create_task(client(port))
        await server(*await connections.get())
        await sending


asyncio.run(main())
