# A retry helper takes the download as any callable that returns an
# awaitable (here a lambda that returns a coroutine, like Rust's closure
# that returns a future; `mirror.download` itself would do as well).
# Nothing asks how long the request lives: Python's objects live as long
# as something refers to them.
import asyncio
from typing import Awaitable, Callable


class Request:
    def __init__(self, order, path):
        self.order = order
        self.path = path


class Mirror:
    def __init__(self, failures):
        self.failures_left = failures

    async def download(self, request):
        print(f"mirror: GET {request.path} for order {request.order}")
        await asyncio.sleep(0.1)
        if self.failures_left == 0:
            return 48_000
        self.failures_left -= 1
        raise ConnectionError("503 Service Unavailable")


async def retry(request: Request, fetch: Callable[[Request], Awaitable[int]]) -> int:
    backoff = 1
    attempt = 1
    while True:
        try:
            return await fetch(request)
        except ConnectionError as error:
            if attempt == 4:
                raise
            print(f"retry: attempt {attempt} failed ({error}), next in {backoff}s")
            await asyncio.sleep(backoff)
            backoff *= 2
            attempt += 1


async def main():
    mirror = Mirror(3)
    request = Request(1042, "/invoices/1042.pdf")
    try:
        size = await retry(request, lambda req: mirror.download(req))
        print(f"main: order {request.order} downloaded, {size} bytes")
    except ConnectionError as error:
        print(f"main: order {request.order} gave up: {error}")


asyncio.run(main())
