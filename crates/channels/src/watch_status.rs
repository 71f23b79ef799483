//! `watch-status`: a `watch` channel holds one value, the latest. A
//! deployment moves through its states faster than the dashboard looks:
//! the dashboard sees the newest state each time, never a backlog.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::watch;

// ANCHOR: watch_status
async fn dashboard(mut status: watch::Receiver<&'static str>) {
    // Waits until the value changes after the one last seen; `Err` once
    // the sender is gone.
    while status.changed().await.is_ok() {
        // Reads the latest value and marks it seen.
        let now = *status.borrow_and_update();
        say!("dashboard: {now}");
        // Redrawing takes 0.5 s; changes meanwhile are not queued.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

pub async fn run() {
    let (tx, rx) = watch::channel("queued");
    // The dashboard runs as its own task, from `main`'s first wait on.
    let dashboard = tokio::spawn(dashboard(rx).lane("dashboard"));
    // Each state, and how long until the next one.
    let steps = [
        ("building", 150),
        ("testing", 150),
        ("uploading", 450),
        ("live", 0),
    ];
    for (state, millis) in steps {
        // Replaces the value and wakes the dashboard; never waits.
        tx.send(state).expect("the dashboard is watching");
        say!("deploy: {state}");
        // The next step comes this much later.
        tokio::time::sleep(Duration::from_millis(millis)).await;
    }
    // Dropping the sender ends the dashboard's loop.
    drop(tx);
    // Waits for the dashboard to show the last state and stop.
    dashboard.await.expect("the dashboard does not panic");
}
// ANCHOR_END: watch_status
