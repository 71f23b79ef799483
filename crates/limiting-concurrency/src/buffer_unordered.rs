//! `buffer-unordered`: the same twenty downloads as a stream of futures;
//! `buffer_unordered(3)` keeps at most three of them in progress, and
//! yields each result as soon as it is ready, in whatever order.

use std::time::Duration;

use futures::StreamExt;
use lesson_kit::{Lane, say};

// ANCHOR: buffer_unordered
/// Files come in three sizes: 0.3 s, 0.4 s and 0.5 s to download.
fn download_time(file: usize) -> Duration {
    Duration::from_millis(300 + 100 * ((file as u64 - 1) % 3))
}

async fn download(file: usize) -> usize {
    say!("file-{file:02}.zip: downloading");
    // Waiting on the network: the thread is free for the other downloads.
    tokio::time::sleep(download_time(file)).await;
    file
}

pub async fn run() {
    // A stream of 20 futures, not yet started: `map` only builds them.
    let downloads = futures::stream::iter(1..=20)
        .map(|file| download(file).lane(format!("file-{file:02}")))
        // Polls at most 3 of them at a time; takes the next one from the
        // stream as soon as one finishes.
        .buffer_unordered(3);
    // Each `.await` waits for whichever running download ends first.
    let finished: Vec<usize> = downloads
        .inspect(|file| say!("file-{file:02}.zip: done"))
        .collect()
        .await;
    say!("all {} files downloaded", finished.len());
}
// ANCHOR_END: buffer_unordered
