//! `waves`: the naive limit: twenty downloads in batches of three, each
//! batch joined before the next starts. At most three at once, but each
//! batch waits for its slowest download.

use std::time::Duration;

use futures::future::join_all;
use lesson_kit::{Lane, say};

// ANCHOR: waves
/// Files come in three sizes: 0.3 s, 0.4 s and 0.5 s to download.
fn download_time(file: usize) -> Duration {
    Duration::from_millis(300 + 100 * ((file as u64 - 1) % 3))
}

async fn download(file: usize) {
    say!("file-{file:02}.zip: downloading");
    // Waiting on the network: the thread is free for the other downloads.
    tokio::time::sleep(download_time(file)).await;
}

pub async fn run() {
    let files: Vec<usize> = (1..=20).collect();
    for batch in files.chunks(3) {
        let downloads = batch
            .iter()
            .map(|&file| download(file).lane(format!("file-{file:02}")));
        // Runs the batch concurrently and waits for all of it: the next
        // batch starts only when the slowest of these is done.
        join_all(downloads).await;
    }
    say!("all 20 files downloaded");
}
// ANCHOR_END: waves
