# The same order server and customers in asyncio (CPython 3.11). An
# `asyncio.Event` plays the token, a set of tasks the TaskTracker, and
# `asyncio.wait(..., timeout=2)` the drain deadline. At the deadline `main`
# just returns: `asyncio.run` then cancels every task still alive, raising
# `CancelledError` inside each one at its `await` (the export, and bob, who
# waits for it), and runs them until they have handled it.
import asyncio
import signal

DRAIN_DEADLINE = 2


async def shutdown_signal():
    pressed = asyncio.Event()
    loop = asyncio.get_running_loop()
    # A real Ctrl-C (SIGINT). Nobody presses it in the recorded run.
    loop.add_signal_handler(signal.SIGINT, pressed.set)
    try:
        # The operator, scripted: presses Ctrl-C 1 s after the start.
        await asyncio.wait_for(pressed.wait(), timeout=1)
        return "Ctrl-C"
    except TimeoutError:
        return "Ctrl-C (scripted)"
    finally:
        loop.remove_signal_handler(signal.SIGINT)


async def stop_accepting(server, shutdown):
    await shutdown.wait()
    # Closes the listening socket: from now on the OS refuses connections.
    server.close()
    print("server: listener closed")


async def serve(request):
    # An order takes 0.8 s; an export (a year of orders) takes 5 s.
    await asyncio.sleep(5 if request.startswith("export") else 0.8)
    return f"{request} done"


async def connection(number, reader, writer, shutdown):
    try:
        # Between requests, shutdown wins: an idle connection closes.
        while not shutdown.is_set():
            line = asyncio.ensure_future(reader.readline())
            stop = asyncio.ensure_future(shutdown.wait())
            await asyncio.wait({line, stop}, return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            if shutdown.is_set():
                line.cancel()
                break
            request = line.result().decode().strip()
            if not request:
                print(f"connection {number}: the customer left")
                return
            print(f"connection {number}: {request} received")
            # No check of the event here: a request in flight is served to
            # the end, however long it takes.
            reply = await serve(request)
            writer.write(f"{reply}\n".encode())
            await writer.drain()
            print(f"connection {number}: {reply}")
        print(f"connection {number}: shutdown, closing")
    except asyncio.CancelledError:
        print(f"connection {number}: CancelledError, raised by asyncio.run at exit")
        raise
    finally:
        writer.close()


async def customer(name, port, arrives, request):
    await asyncio.sleep(arrives)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print(f"{name}: cannot connect: connection refused")
        return
    print(f"{name}: connected; sending {request}")
    writer.write(f"{request}\n".encode())
    answered = False
    # Reads replies until the server closes the connection.
    while reply := await reader.readline():
        print(f"{name}: {reply.decode().strip()}")
        answered = True
    print(f"{name}: the server closed the connection{'' if answered else ', no reply'}")
    writer.close()


async def main():
    shutdown = asyncio.Event()
    tracked = set()
    number = 0

    def accepted(reader, writer):
        nonlocal number
        number += 1
        print(f"server: connection {number} accepted")
        # One task per connection, tracked so that `main` can wait for it.
        task = asyncio.create_task(connection(number, reader, writer, shutdown))
        tracked.add(task)
        task.add_done_callback(tracked.discard)

    # Port 0: the OS picks a free port on the loopback interface.
    server = await asyncio.start_server(accepted, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("main: serving on 127.0.0.1")
    tracked.add(asyncio.create_task(stop_accepting(server, shutdown)))
    customers = [
        asyncio.create_task(customer("alice", port, 0, "order 16")),
        asyncio.create_task(customer("bob", port, 0.2, "export 2026")),
        asyncio.create_task(customer("carol", port, 0.5, "order 17")),
        asyncio.create_task(customer("dave", port, 1.5, "order 18")),
    ]

    pressed = await shutdown_signal()
    print(f"main: {pressed}: shutting down")
    shutdown.set()
    print(f"drain: waiting up to 2 s for {len(tracked)} tasks")
    _, pending = await asyncio.wait(set(tracked), timeout=DRAIN_DEADLINE)
    if pending:
        print(f"drain: deadline passed with {len(pending)} still running")
    print("main: exit")
    # Returning ends `asyncio.run`, which cancels what is left: the export
    # and bob's customer task, at once.


asyncio.run(main())
