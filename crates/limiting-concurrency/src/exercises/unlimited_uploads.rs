//! Exercise `unlimited-uploads` (fix the bug): six photos are uploaded to
//! a service that takes at most two uploads at once, and the program holds
//! a `Semaphore` of 2 permits for that. Yet all six upload at once. Make
//! the limit hold: never more than 2 in flight, and a new upload starting
//! as soon as one ends, so that all six are done by `0.900s`.
//!
//! Check your fix with `cargo xtask exercise unlimited-uploads`, which
//! copies this file to `exercises/unlimited-uploads.rs` for you to edit.

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

// ANCHOR: unlimited_uploads
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// The uploads started and not yet done.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

// ANCHOR_END: unlimited_uploads
#[cfg_attr(test, lesson_kit::lane(format!("photo-{photo}")))]
// ANCHOR: unlimited_uploads
async fn upload(photo: u32, millis: u64) {
    let now = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
    say!("photo-{photo}.jpg: uploading ({now} in flight)");
    // Waiting on the network: the thread is free for the other uploads.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
}

// ANCHOR_END: unlimited_uploads
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: unlimited_uploads
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: unlimited_uploads
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: unlimited_uploads
    // The service takes at most 2 uploads at once.
    let permits = Semaphore::new(2);
    let mut uploads = JoinSet::new();
    for (photo, millis) in [(1, 500), (2, 200), (3, 200), (4, 400), (5, 200), (6, 200)] {
        // Waits for a free permit before each upload starts.
        let _permit = permits.acquire().await.expect("never closed");
        uploads.spawn(upload(photo, millis));
    }
    // Waits for the uploads still running.
    while let Some(done) = uploads.join_next().await {
        done.expect("an upload does not panic");
    }
    say!("all 6 photos uploaded");
}
// ANCHOR_END: unlimited_uploads

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
