//! `spawn-multi-thread`: the `spawn` program on a `multi_thread` runtime,
//! the one `#[tokio::main]` builds by default: one worker per core.

use std::time::Duration;

use lesson_kit::say;
use tokio::runtime::Builder;

// ANCHOR: spawn_multi_thread
async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

async fn requests(n: usize, wait: Duration) {
    let handles: Vec<_> = (0..n).map(|_| tokio::spawn(request(wait))).collect();
    for handle in handles {
        handle.await.expect("a request panicked");
    }
}

pub fn run(n: usize, wait: Duration) {
    // What `#[tokio::main]` builds: worker threads, one per core, that
    // run the spawned tasks; `block_on` runs `requests` on *this* thread.
    let runtime = Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a multi_thread runtime builds");
    runtime.block_on(requests(n, wait));
    say!("{n} requests done");
}
// ANCHOR_END: spawn_multi_thread
