//! `waves`: the naive limit: twenty downloads in batches of three, each
//! batch joined before the next starts. At most three at once, but each
//! batch waits for its slowest download.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-limiting-concurrency -- waves`.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// ANCHOR: waves
use std::time::Duration;

use futures::future::join_all;

/// Files come in three sizes: 0.3 s, 0.4 s and 0.5 s to download.
fn download_time(file: usize) -> Duration {
    Duration::from_millis(300 + 100 * ((file as u64 - 1) % 3))
}

// ANCHOR_END: waves
#[cfg_attr(test, lesson_kit::lane(format!("file-{file:02}")))]
// ANCHOR: waves
async fn download(file: usize) {
    say!("file-{file:02}.zip: downloading");
    // Waiting on the network: the thread is free for the other downloads.
    tokio::time::sleep(download_time(file)).await;
}

// ANCHOR_END: waves
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: waves
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: waves
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: waves
    let files: Vec<usize> = (1..=20).collect();
    for batch in files.chunks(3) {
        let downloads = batch.iter().map(|&file| download(file));
        // Runs the batch concurrently and waits for all of it: the next
        // batch starts only when the slowest of these is done.
        join_all(downloads).await;
    }
    say!("all 20 files downloaded");
}
// ANCHOR_END: waves

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
