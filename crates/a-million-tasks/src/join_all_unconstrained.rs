//! `join-all-unconstrained`: `join-all` with tokio's cooperative budget
//! switched off for the joined future (`tokio::task::unconstrained`), which
//! makes it linear again on `current_thread`.

use std::time::Duration;

use futures::future::join_all;
use lesson_kit::say;

// ANCHOR: join_all_unconstrained
async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

pub async fn run(n: usize, wait: Duration) {
    // The same join, exempt from the runtime's budget of 128 operations
    // per poll: each poll of the join can finish every ready request.
    let requests = join_all((0..n).map(|_| request(wait)));
    tokio::task::unconstrained(requests).await;
    say!("{n} requests done");
}
// ANCHOR_END: join_all_unconstrained
