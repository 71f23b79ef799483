//! `race`: `tokio::select!` races two downloads of the same file from two
//! mirrors. The first to finish wins, and `select!` drops the other one:
//! the slow mirror's download is cancelled at its `.await` and never
//! prints its last line.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: race
async fn download(mirror: &str, seconds: u64) -> String {
    // Waits on the network; the losing download is dropped here.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{mirror}: download complete");
    format!("installer.iso from {mirror}")
}

pub async fn run() {
    say!("main: asking both mirrors");
    // `select!` polls both futures; the first to complete runs its
    // branch, and the other future is dropped at once, mid-download.
    // (`biased;` polls them in the order written, so that the book's
    // timeline is the same on every run; the winner would be too without.)
    let file = tokio::select! {
        biased;
        file = download("mirror-eu", 2).lane("mirror-eu") => file,
        file = download("mirror-us", 1).lane("mirror-us") => file,
    };
    say!("main: got {file}");
    // Waits past the slow mirror's 2 s: it was cancelled, so nothing prints.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: race
