# `readline()` has LinesCodec's trap: at the end of the stream it returns
# the bytes left over, without their "\n", as a last line. `readuntil`
# is strict: it raises IncompleteReadError, with the cut-off bytes.
import asyncio


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payment = b"PAY erin 1000\n"
    writer.write(payment[:12])
    await writer.drain()
    print(f'client: wrote "{payment[:12].decode()}"')
    await asyncio.sleep(0.1)
    print('client: gone, without "0\\n"')
    writer.close()
    await writer.wait_closed()


async def read_payments(connections, port, how):
    sending = asyncio.create_task(client(port))
    reader, writer = await connections.get()
    while True:
        try:
            if how == "readline":
                payment = await reader.readline()
                if not payment:
                    break  # the end of the stream
            else:
                payment = await reader.readuntil(b"\n")
        except asyncio.IncompleteReadError as e:
            if e.partial:
                print(f'{how}: error: cut off mid-line: "{e.partial.decode()}"')
            break
        print(f'{how}: payment "{payment.decode().rstrip()}"')
    print(f"{how}: connection over")
    writer.close()
    await sending


async def main():
    connections = asyncio.Queue()
    listener = await asyncio.start_server(
        lambda reader, writer: connections.put_nowait((reader, writer)),
        "127.0.0.1",
        0,
    )
    port = listener.sockets[0].getsockname()[1]
    async with listener:
        await read_payments(connections, port, "readline")
        await read_payments(connections, port, "readuntil")


asyncio.run(main())
