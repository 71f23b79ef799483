//! `oneshot-reply`: request/response between tasks. A payments task owns
//! the account balance; clients send it a request together with a
//! `oneshot::Sender`, and await the reply on its `Receiver`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- oneshot-reply`.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// ANCHOR: oneshot_reply
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

/// A request to the payments task, with where to send its answer.
struct Charge {
    customer: &'static str,
    cents: u64,
    reply: oneshot::Sender<Result<u64, String>>,
}

/// The only owner of the balance: no lock, requests come one at a time.
// ANCHOR_END: oneshot_reply
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: oneshot_reply
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

// ANCHOR_END: oneshot_reply
#[cfg_attr(test, lesson_kit::lane(customer))]
// ANCHOR: oneshot_reply
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

// ANCHOR_END: oneshot_reply
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: oneshot_reply
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: oneshot_reply
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: oneshot_reply
    let (tx, rx) = mpsc::channel(8);
    // The payments task runs on its own until every sender is dropped.
    let server = tokio::spawn(payments(rx));
    // Two clients, concurrently; each owns a clone of the sender.
    tokio::join!(client(tx.clone(), "alice", 6_000), client(tx, "bob", 5_000));
    // Every sender is gone now: payments' `recv` returns `None`, it ends.
    server.await.expect("payments does not panic");
}
// ANCHOR_END: oneshot_reply

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
