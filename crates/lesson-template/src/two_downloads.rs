//! `two-downloads`: two downloads, joined: each one waits on the network
//! (a timer here), and while one waits the other runs, so both finish after
//! 2 s, the time of the slower one, not 1 s + 2 s.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: two_downloads
async fn download(file: &str, seconds: u64) {
    say!("{file}: started");
    // `.await` hands the thread back to the runtime until the timer fires,
    // so the other download makes progress during this wait.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

pub async fn run() {
    // `join!` polls both futures on this one thread and returns when both
    // are done: their waits overlap. (`.lane(..)` names each future in the
    // chapter's timeline; it changes nothing else.)
    tokio::join!(
        download("report.pdf", 2).lane("report.pdf"),
        download("logo.png", 1).lane("logo.png"),
    );
    say!("Both downloads done");
}
// ANCHOR_END: two_downloads
