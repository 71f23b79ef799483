# Request/response: each request carries a Future that the payments task
# resolves, the analogue of a oneshot channel.
import asyncio


async def payments(requests):
    balance = 10_000
    while (request := await requests.get()) is not None:
        customer, cents, reply = request
        print(f"payments: charging {customer} {cents} cents")
        await asyncio.sleep(0.75)
        if cents <= balance:
            balance -= cents
            reply.set_result(("ok", balance))
        else:
            reply.set_result(("refused", f"only {balance} cents left"))


async def client(requests, customer, cents):
    reply = asyncio.get_running_loop().create_future()
    await requests.put((customer, cents, reply))
    print(f"{customer}: sent a charge of {cents} cents")
    outcome, detail = await reply
    if outcome == "ok":
        print(f"{customer}: paid, {detail} cents left")
    else:
        print(f"{customer}: refused: {detail}")


async def main():
    requests = asyncio.Queue(maxsize=8)
    server = asyncio.create_task(payments(requests))
    await asyncio.gather(client(requests, "alice", 6_000), client(requests, "bob", 5_000))
    await requests.put(None)  # Rust: every sender is dropped
    await server

asyncio.run(main())
