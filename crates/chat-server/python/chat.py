# An asyncio chat server: start_server runs one task per connection, and a
# dict holds every connection's writer; a line is written to all the others.
import asyncio

writers = {}  # StreamWriter -> the client's name


def broadcast(text, sender):
    for writer in writers:
        if writer is not sender:
            # Does not wait: what the socket cannot take now is buffered.
            writer.write(f"{text}\n".encode())


async def connection(reader, writer):
    name = (await reader.readline()).decode().rstrip("\n")  # first line
    writers[writer] = name
    try:
        while line := await reader.readline():  # b"" at EOF
            broadcast(f"{name}: {line.decode().rstrip()}", writer)
    finally:
        del writers[writer]
        broadcast(f"* {name} left", writer)
        writer.close()


async def server(port, clients):
    ended = asyncio.Queue()

    async def on_connect(reader, writer):
        try:
            await connection(reader, writer)
        finally:
            ended.put_nowait(None)

    listener = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    port.set_result(listener.sockets[0].getsockname()[1])
    for _ in range(clients):
        await ended.get()
    listener.close()
    print(f"server: all {clients} clients left, shutting down")


# What each client does, in milliseconds from the start.
CLIENTS = [
    ("alice", 0, [(1000, "hi all")], 3000),
    ("bob", 100, [], 3500),
    ("carol", 200, [], 2000),
]


async def client(port, name, joins, says, leaves):
    start = asyncio.get_running_loop().time()

    async def at(ms):
        await asyncio.sleep(start + ms / 1000 - asyncio.get_running_loop().time())

    await at(joins)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())

    async def talk():
        for ms, line in says:
            await at(ms)
            print(f'{name} sends "{line}"')
            writer.write(f"{line}\n".encode())
        await at(leaves)
        print(f"{name} leaves")
        writer.write_eof()  # our side is shut: the server reads EOF

    async def listen():
        while line := await reader.readline():
            print(f'{name} reads "{line.decode().rstrip()}"')
        writer.close()

    await asyncio.gather(talk(), listen())


async def main():
    port = asyncio.get_running_loop().create_future()
    server_task = asyncio.create_task(server(port, len(CLIENTS)))
    port = await port
    await asyncio.gather(*(client(port, *script) for script in CLIENTS))
    await server_task


asyncio.run(main())
