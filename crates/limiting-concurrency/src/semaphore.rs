//! `semaphore`: twenty downloads, at most three at a time. A `Semaphore`
//! with 3 permits: the loop takes a permit before it spawns each download
//! into a `JoinSet`, and the download gives it back when it ends; the loop
//! reaps the finished downloads as it goes.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-limiting-concurrency -- semaphore`.

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

// ANCHOR: semaphore
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

const AT_ONCE: usize = 3;

/// Files come in three sizes: 0.3 s, 0.4 s and 0.5 s to download.
fn download_time(file: usize) -> Duration {
    Duration::from_millis(300 + 100 * ((file as u64 - 1) % 3))
}

// ANCHOR_END: semaphore
#[cfg_attr(test, lesson_kit::lane(format!("file-{file:02}")))]
// ANCHOR: semaphore
async fn download(file: usize, permits: &Semaphore) {
    let busy = AT_ONCE - permits.available_permits();
    say!("file-{file:02}.zip: downloading ({busy} at once)");
    // Waiting on the network: the thread is free for the other downloads.
    tokio::time::sleep(download_time(file)).await;
}

// ANCHOR_END: semaphore
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: semaphore
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: semaphore
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: semaphore
    let permits = Arc::new(Semaphore::new(AT_ONCE));
    // Owns the download tasks, and hands back each one's result when it
    // is done.
    let mut downloads = JoinSet::new();
    for file in 1..=20 {
        // Waits while 3 downloads hold the 3 permits; the spawned tasks
        // run meanwhile, and each one that ends frees a permit.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        // Reaps the downloads that are done, without waiting: a finished
        // task is freed only once its result has been taken.
        while let Some(done) = downloads.try_join_next() {
            done.expect("a download does not panic");
        }
        let permits = Arc::clone(&permits);
        // The task owns the permit and drops it when the download is done.
        downloads.spawn(async move {
            // The download runs while this task holds the permit.
            download(file, &permits).await;
            drop(permit);
        });
    }
    // Waits for the last downloads to finish.
    while let Some(done) = downloads.join_next().await {
        done.expect("a download does not panic");
    }
    say!("all 20 files downloaded");
}
// ANCHOR_END: semaphore

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
