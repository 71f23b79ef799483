//! `spawn`: N requests, each its own task (`tokio::spawn`) that waits 1 s,
//! then joined one by one, on a `current_thread` runtime.

use std::time::Duration;

use lesson_kit::say;

// ANCHOR: spawn
async fn request(wait: Duration) {
    // Stands for a call to another service that answers after `wait`.
    tokio::time::sleep(wait).await;
}

pub async fn run(n: usize, wait: Duration) {
    // One task per request: the runtime schedules each one on its own.
    let handles: Vec<_> = (0..n).map(|_| tokio::spawn(request(wait))).collect();
    for handle in handles {
        handle.await.expect("a request panicked");
    }
    say!("{n} requests done");
}
// ANCHOR_END: spawn
