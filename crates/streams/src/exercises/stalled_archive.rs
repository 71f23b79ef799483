//! Exercise `stalled-archive` (fix the bug): four files are downloaded, at
//! most two at a time, with `buffered(2)`, and each is added to an archive
//! as soon as it is downloaded, one file at a time. The downloads take 2.4 s
//! in all, and the archive 0.3 s per file, so all could be done at
//! `2.700s`; the run takes until `3.200s`. Make the downloads go on while
//! the archive works: still at most two downloads at once, still one file
//! at a time in the archive, and everything done by `2.700s`.
//!
//! Check your fix with `cargo xtask exercise stalled-archive`, which
//! copies this file to `exercises/stalled-archive.rs` for you to edit.

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

// ANCHOR: stalled_archive
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::{StreamExt, stream};

/// The downloads started and not yet done.
static DOWNLOADING: AtomicUsize = AtomicUsize::new(0);

// ANCHOR_END: stalled_archive
#[cfg_attr(test, lesson_kit::lane(format!("file-{file}")))]
// ANCHOR: stalled_archive
async fn download(file: u32, millis: u64) -> u32 {
    let now = DOWNLOADING.fetch_add(1, Ordering::SeqCst) + 1;
    say!("file-{file}: downloading ({now} at once)");
    // Waiting on the network: the thread is free meanwhile.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    DOWNLOADING.fetch_sub(1, Ordering::SeqCst);
    file
}

/// Adds a file to the archive: 0.3 s of writing, one file at a time.
async fn archive(file: u32) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    say!("archive: file-{file} added");
}

// ANCHOR_END: stalled_archive
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stalled_archive
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stalled_archive
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stalled_archive
    let files = [(1, 1_000), (2, 1_200), (3, 1_000), (4, 1_200)];
    // Up to 2 downloads at once; the files come out in order.
    let mut downloads = stream::iter(files)
        .map(|(file, millis)| download(file, millis))
        .buffered(2);
    let mut archived = 0;
    // Each file goes into the archive as soon as it is downloaded.
    while let Some(file) = downloads.next().await {
        archive(file).await;
        archived += 1;
    }
    say!("archive: {archived} files, done");
}
// ANCHOR_END: stalled_archive

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
