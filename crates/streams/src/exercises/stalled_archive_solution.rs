//! A solution of exercise `stalled-archive`: the download stream runs in a
//! task of its own, which polls it whatever the archive is doing, and hands
//! each file over a channel to the archive loop in `main`. (Joining the two
//! loops with `tokio::join!`, without a task, fixes it too: `join!` polls
//! the download loop each time the downloads wake it. Wrapping each
//! download in `tokio::spawn` inside the `map` does not: `buffered` calls
//! the `map` only when it is polled, so files 3 and 4 still start only at
//! 1.300s and 1.600s, between archives.)

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

// ANCHOR: stalled_archive_solution
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::{StreamExt, stream};
use tokio::sync::mpsc;

/// The downloads started and not yet done.
static DOWNLOADING: AtomicUsize = AtomicUsize::new(0);

// ANCHOR_END: stalled_archive_solution
#[cfg_attr(test, lesson_kit::lane(format!("file-{file}")))]
// ANCHOR: stalled_archive_solution
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

// ANCHOR_END: stalled_archive_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stalled_archive_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stalled_archive_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stalled_archive_solution
    let files = [(1, 1_000), (2, 1_200), (3, 1_000), (4, 1_200)];
    let (tx, mut rx) = mpsc::channel(2);
    // The downloads get a task of their own: it polls the stream whenever
    // a download wakes it, while `main` is busy with the archive.
    let downloader = tokio::spawn(async move {
        // Up to 2 downloads at once; the files come out in order.
        let mut downloads = stream::iter(files)
            .map(|(file, millis)| download(file, millis))
            .buffered(2);
        while let Some(file) = downloads.next().await {
            // Waits only if the archive is 2 files behind.
            tx.send(file).await.expect("the archive is running");
        }
    });
    let mut archived = 0;
    // Each file goes into the archive as soon as it is downloaded.
    while let Some(file) = rx.recv().await {
        archive(file).await;
        archived += 1;
    }
    downloader.await.expect("the downloads do not panic");
    say!("archive: {archived} files, done");
}
// ANCHOR_END: stalled_archive_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
