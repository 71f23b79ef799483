# asyncio.start_server calls `handle` in a new task for each connection it
# accepts: the task per connection comes built in.
import asyncio
import itertools


async def handle(reader, writer, connection_id):
    print(f"server: accepted connection {connection_id}")
    while data := await reader.read(1024):
        await asyncio.sleep(0.1)
        writer.write(data)
        await writer.drain()
    print(f"server: connection {connection_id} closed by the client")
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    message = f"hello from {name}"
    writer.write(message.encode())
    await writer.drain()
    print(f'{name}: sent "{message}"')
    writer.write_eof()
    echo = await reader.read()
    print(f'{name}: got back "{echo.decode()}"')
    writer.close()
    await writer.wait_closed()


async def main():
    ids = itertools.count(1)
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, next(ids)), "127.0.0.1", 0
    )
    port = server.sockets[0].getsockname()[1]
    async with server, asyncio.TaskGroup() as clients:
        for name in ["alice", "bob"]:
            clients.create_task(client(port, name))
    print("main: both clients done")


asyncio.run(main())
