//! A solution of exercise `unlimited-uploads`: the permit is taken with
//! `acquire_owned` and moved into the upload's task, which drops it when
//! the upload is done. (Taking the permit inside each task, or keeping at
//! most two tasks in the `JoinSet` with `join_next().await`, fixes it too.)

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

// ANCHOR: unlimited_uploads_solution
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// The uploads started and not yet done.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

// ANCHOR_END: unlimited_uploads_solution
#[cfg_attr(test, lesson_kit::lane(format!("photo-{photo}")))]
// ANCHOR: unlimited_uploads_solution
async fn upload(photo: u32, millis: u64) {
    let now = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
    say!("photo-{photo}.jpg: uploading ({now} in flight)");
    // Waiting on the network: the thread is free for the other uploads.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
}

// ANCHOR_END: unlimited_uploads_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: unlimited_uploads_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: unlimited_uploads_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: unlimited_uploads_solution
    // The service takes at most 2 uploads at once.
    let permits = Arc::new(Semaphore::new(2));
    let mut uploads = JoinSet::new();
    for (photo, millis) in [(1, 500), (2, 200), (3, 200), (4, 400), (5, 200), (6, 200)] {
        // Waits for a free permit before each upload starts; an owned
        // permit can move into the task.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("never closed");
        uploads.spawn(async move {
            upload(photo, millis).await;
            // Only now is the permit given back, and the next upload starts.
            drop(permit);
        });
    }
    // Waits for the uploads still running.
    while let Some(done) = uploads.join_next().await {
        done.expect("an upload does not panic");
    }
    say!("all 6 photos uploaded");
}
// ANCHOR_END: unlimited_uploads_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
