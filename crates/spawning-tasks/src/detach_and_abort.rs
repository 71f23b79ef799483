//! `detach-and-abort`: dropping a `JoinHandle` does not stop its task (the
//! task is *detached* and runs on), while `abort()` cancels the task at its
//! current `.await`; awaiting an aborted task's handle then returns a
//! `JoinError` whose `is_cancelled()` is true.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: detach_and_abort
async fn send_receipt() {
    say!("receipt: sending");
    // Waits 2 s; nobody holds this task's handle, and it runs on anyway.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("receipt: sent");
}

async fn build_report() {
    say!("report: building");
    // Waits 3 s; `abort()` cancels the task here, at 1 s.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("report: built");
}

pub async fn run() {
    // Two tasks; both start at main's first `.await`.
    let receipt = tokio::spawn(send_receipt().lane("receipt"));
    let report = tokio::spawn(build_report().lane("report"));
    // Dropping a handle only gives up the right to await the task: the
    // task is detached, not cancelled.
    drop(receipt);
    say!("main: not waiting for the receipt task");
    // Lets both tasks start and wait on their timers.
    tokio::time::sleep(Duration::from_secs(1)).await;
    report.abort();
    say!("main: aborted the report task");
    // The handle still reports how the task ended: cancelled.
    match report.await {
        Ok(()) => say!("main: the report task finished"),
        Err(e) if e.is_cancelled() => say!("main: the report task was cancelled"),
        Err(e) => say!("main: the report task panicked: {e}"),
    }
    // Waits long enough for the detached receipt task to finish by itself.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: detach_and_abort
