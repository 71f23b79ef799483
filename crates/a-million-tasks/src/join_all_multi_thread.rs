//! `join-all-multi-thread`: the `join-all` program run by a `multi_thread`
//! runtime's `block_on`, where it is linear again (see the chapter).

use std::time::Duration;

use futures::future::join_all;
use lesson_kit::say;
use tokio::runtime::Builder;

// ANCHOR: join_all_multi_thread
async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

pub fn run(n: usize, wait: Duration) {
    let runtime = Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a multi_thread runtime builds");
    // The join runs on this thread, outside the workers.
    runtime.block_on(join_all((0..n).map(|_| request(wait))));
    say!("{n} requests done");
}
// ANCHOR_END: join_all_multi_thread
