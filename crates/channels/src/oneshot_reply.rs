//! `oneshot-reply`: request/response between tasks. A payments task owns
//! the account balance; clients send it a request together with a
//! `oneshot::Sender`, and await the reply on its `Receiver`.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::{mpsc, oneshot};

// ANCHOR: oneshot_reply
/// A request to the payments task, with where to send its answer.
struct Charge {
    customer: &'static str,
    cents: u64,
    reply: oneshot::Sender<Result<u64, String>>,
}

/// The only owner of the balance: no lock, requests come one at a time.
async fn payments(mut requests: mpsc::Receiver<Charge>) {
    let mut balance = 10_000;
    // Waits for the next request; `None` once every client is gone.
    while let Some(charge) = requests.recv().await {
        say!(
            "payments: charging {} {} cents",
            charge.customer,
            charge.cents
        );
        // Talking to the bank takes 0.75 s; the thread is free meanwhile.
        tokio::time::sleep(Duration::from_millis(750)).await;
        let answer = if charge.cents <= balance {
            balance -= charge.cents;
            Ok(balance)
        } else {
            Err(format!("only {balance} cents left"))
        };
        // Sending on a oneshot never waits; it fails only if the client
        // stopped waiting (dropped its receiver).
        let _ = charge.reply.send(answer);
    }
}

async fn client(requests: mpsc::Sender<Charge>, customer: &'static str, cents: u64) {
    let (reply, answer) = oneshot::channel();
    let charge = Charge {
        customer,
        cents,
        reply,
    };
    // Waits for room in the payments task's queue.
    requests.send(charge).await.expect("payments is running");
    say!("{customer}: sent a charge of {cents} cents");
    // Waits for exactly one reply.
    match answer.await.expect("payments always replies") {
        Ok(left) => say!("{customer}: paid, {left} cents left"),
        Err(why) => say!("{customer}: refused: {why}"),
    }
}

pub async fn run() {
    let (tx, rx) = mpsc::channel(8);
    // The payments task runs on its own until every sender is dropped.
    let server = tokio::spawn(payments(rx).lane("payments"));
    // Two clients, concurrently; each owns a clone of the sender.
    tokio::join!(
        client(tx.clone(), "alice", 6_000).lane("alice"),
        client(tx, "bob", 5_000).lane("bob"),
    );
    // Every sender is gone now: payments' `recv` returns `None`, it ends.
    server.await.expect("payments does not panic");
}
// ANCHOR_END: oneshot_reply
