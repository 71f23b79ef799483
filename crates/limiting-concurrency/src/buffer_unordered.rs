//! `buffer-unordered`: the same twenty downloads as a stream of futures;
//! `buffer_unordered(3)` keeps at most three of them in progress, and
//! yields each result as soon as it is ready, in whatever order.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-limiting-concurrency -- buffer-unordered`.

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

// ANCHOR: buffer_unordered
use std::time::Duration;

use futures::StreamExt;

/// Files come in three sizes: 0.3 s, 0.4 s and 0.5 s to download.
fn download_time(file: usize) -> Duration {
    Duration::from_millis(300 + 100 * ((file as u64 - 1) % 3))
}

// ANCHOR_END: buffer_unordered
#[cfg_attr(test, lesson_kit::lane(format!("file-{file:02}")))]
// ANCHOR: buffer_unordered
async fn download(file: usize) -> usize {
    say!("file-{file:02}.zip: downloading");
    // Waiting on the network: the thread is free for the other downloads.
    tokio::time::sleep(download_time(file)).await;
    file
}

// ANCHOR_END: buffer_unordered
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: buffer_unordered
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: buffer_unordered
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: buffer_unordered
    // A stream of 20 futures, not yet started: `map` only builds them.
    let downloads = futures::stream::iter(1..=20)
        .map(download)
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

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
