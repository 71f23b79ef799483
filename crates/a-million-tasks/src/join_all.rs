//! `join-all`: the same N requests as plain futures, not tasks, joined by
//! `futures::future::join_all` on a `current_thread` runtime. Fine for a
//! thousand; quadratic for a million (see the chapter).

use std::time::Duration;

use futures::future::join_all;
use lesson_kit::say;

// ANCHOR: join_all
async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

pub async fn run(n: usize, wait: Duration) {
    // No tasks: one future that polls all `n` futures itself.
    join_all((0..n).map(|_| request(wait))).await;
    say!("{n} requests done");
}
// ANCHOR_END: join_all
