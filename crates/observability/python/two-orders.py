# Python carries a request's context across awaits in a `ContextVar`:
# each asyncio task runs in a copy of the context, so what one order sets
# the other never sees. A `logging.Filter` puts it on every record, as
# the Rust layer puts the spans on every event.
import asyncio
import contextlib
import contextvars
import json
import logging
import sys

# The spans the current task is in, root first.
spans = contextvars.ContextVar("spans", default=())


@contextlib.contextmanager
def span(name, **fields):
    text = name + "{" + " ".join(f"{k}={json.dumps(v)}" for k, v in fields.items()) + "}"
    token = spans.set(spans.get() + (text,))
    try:
        yield
    finally:
        spans.reset(token)


class SpanFilter(logging.Filter):
    def filter(self, record):
        stack = "".join(f"{s}:" for s in spans.get())
        record.spans = f"{stack} " if stack else ""
        return True


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(spans)s%(message)s"))
handler.addFilter(SpanFilter())
log = logging.getLogger("orders")
log.addHandler(handler)
log.setLevel(logging.INFO)


async def charge_card(amount, bank_latency):
    with span("charge_card", amount=amount):
        log.info("asking the bank")
        # The ContextVar belongs to this task: the other order's lines,
        # logged while this one waits, are not in this span.
        await asyncio.sleep(bank_latency)
        log.info("card charged")


async def handle_order(id, customer, cart, bank_latency):
    with span("order", id=id, customer=customer, items=len(cart)):
        log.info("received")
        await charge_card(sum(cart), bank_latency)
        log.info("shipped")


async def second_order():
    await asyncio.sleep(0.1)
    await handle_order(8, "grace", [1250], 0.3)


async def main():
    # `gather` wraps each coroutine in a task, with a copy of the context.
    await asyncio.gather(handle_order(7, "ada", [2999, 2000], 0.3), second_order())
    log.info("all orders done")


asyncio.run(main())
