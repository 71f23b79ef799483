//! `timeout`: `tokio::time::timeout` gives a future a deadline. The primary
//! payment gateway hangs for 8 s; at exactly 5 s the timeout returns
//! `Err(Elapsed)` and drops the call, which never finishes, and the backup
//! gateway is tried instead.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::time::timeout;

// ANCHOR: timeout
async fn charge(gateway: &str, order: u32, seconds: u64) -> &'static str {
    say!("{gateway}: charging order {order}");
    // The gateway's answer takes `seconds`; a timeout that fires first
    // drops this future here, so the next line never runs.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{gateway}: approved");
    "approved"
}

pub async fn run() {
    // `timeout` polls the call and a 5 s timer together, whichever comes
    // first: the call's output is `Ok(..)`, the timer is `Err(Elapsed)`.
    let primary = timeout(
        Duration::from_secs(5),
        charge("primary gateway", 42, 8).lane("primary"),
    );
    match primary.await {
        Ok(status) => say!("main: payment {status}"),
        Err(_elapsed) => say!("main: primary gateway timed out after 5 s"),
    }
    // The backup answers in 1 s, well within its own 5 s.
    let backup = timeout(
        Duration::from_secs(5),
        charge("backup gateway", 42, 1).lane("backup"),
    );
    match backup.await {
        Ok(status) => say!("main: payment {status}"),
        Err(_elapsed) => say!("main: backup gateway timed out after 5 s"),
    }
}
// ANCHOR_END: timeout
