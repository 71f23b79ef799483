//! `token`: cooperative cancellation with `tokio_util`'s
//! `CancellationToken`. `main` asks two tasks to stop at 2.5 s; each
//! decides where it may stop. The billing worker finishes the batch in
//! progress and saves its progress; the mailer, idle, stops at once.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio_util::sync::CancellationToken;

// ANCHOR: token
async fn billing(stop: CancellationToken) -> u32 {
    let mut batch = 0;
    // Checks the token only between batches: a batch is never cut in half.
    while !stop.is_cancelled() {
        batch += 1;
        say!("billing: batch {batch} started");
        // A batch takes 1 s; a stop request does not interrupt it.
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("billing: batch {batch} done");
    }
    say!("billing: stop requested; progress saved after batch {batch}");
    batch
}

async fn mailer(stop: CancellationToken) {
    loop {
        // Idle until the next mail run in 10 s, or until asked to stop:
        // waiting is safe to cut short, so it races the token.
        tokio::select! {
            () = stop.cancelled() => break,
            () = tokio::time::sleep(Duration::from_secs(10)) => say!("mailer: sending mail"),
        }
    }
    say!("mailer: stop requested; stopped while idle");
}

pub async fn run() {
    let stop = CancellationToken::new();
    // Each task gets a clone (the mailer a child token, which is cancelled
    // with its parent); both start at main's first `.await`.
    let billing = tokio::spawn(billing(stop.clone()).lane("billing"));
    let mailer = tokio::spawn(mailer(stop.child_token()).lane("mailer"));
    tokio::time::sleep(Duration::from_millis(2500)).await;
    say!("main: asking every task to stop");
    stop.cancel();
    // Waits for both tasks to wind down by themselves.
    let (batches, mailer) = tokio::join!(billing, mailer);
    mailer.expect("the mailer does not panic");
    let batches = batches.expect("billing does not panic");
    say!("main: stopped cleanly after {batches} batches");
}
// ANCHOR_END: token
