# Python's state machine is the coroutine's frame: its locals, and the line
# where it stopped, kept on the heap. Here `deliver(7)` is driven by hand,
# with `send(None)`, as an event loop drives it; between two steps the
# frame says where the coroutine is suspended and what it holds.
import inspect
import types


@types.coroutine
def network():
    # A step the event loop would wait on: suspend once, then go on.
    yield


async def deliver(order):
    print(f"order {order}: packing")
    await network()
    print(f"order {order}: shipping")
    await network()
    print(f"order {order}: delivered")


coro = deliver(7)
print(f"state: {inspect.getcoroutinestate(coro)}")
while True:
    try:
        coro.send(None)
    except StopIteration:
        break
    frame = coro.cr_frame
    print(f"state: {inspect.getcoroutinestate(coro)} at line {frame.f_lineno}, locals {frame.f_locals}")
print(f"state: {inspect.getcoroutinestate(coro)}")
