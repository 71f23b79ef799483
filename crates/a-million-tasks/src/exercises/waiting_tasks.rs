//! Exercise `waiting-tasks` (fix the bug): eight requests to a service
//! that takes three at a time. A `Semaphore` inside each request task keeps
//! the calls to three, but all eight tasks are spawned at once, and five of
//! them sit waiting for a permit: with a million requests, that is a
//! million tasks in memory. Keep at most three tasks alive at any moment,
//! with the requests still three at a time, all answered by `1.200s`.
//!
//! Check your fix with `cargo xtask exercise waiting-tasks`, which copies
//! this file to `exercises/waiting-tasks.rs` for you to edit.

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

// ANCHOR: waiting_tasks
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

// ANCHOR_END: waiting_tasks
#[cfg_attr(test, lesson_kit::lane(format!("request {id}")))]
// ANCHOR: waiting_tasks
async fn request(id: u64, permits: Arc<Semaphore>) {
    // Waits for one of the service's 3 permits.
    let _permit = permits.acquire().await.expect("never closed");
    // The tasks spawned on this runtime and not finished yet.
    let alive = Handle::current().metrics().num_alive_tasks();
    say!("request {id}: sent ({alive} tasks alive)");
    // The service answers in 0.3, 0.4 or 0.5 s; the thread is free.
    tokio::time::sleep(Duration::from_millis(300 + 100 * ((id - 1) % 3))).await;
}

// ANCHOR_END: waiting_tasks
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: waiting_tasks
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: waiting_tasks
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: waiting_tasks
    let permits = Arc::new(Semaphore::new(3));
    let mut requests = JoinSet::new();
    for id in 1..=8 {
        // One task per request, spawned at once; each waits for its
        // permit inside.
        requests.spawn(request(id, Arc::clone(&permits)));
    }
    // Takes each request's result as it finishes.
    while let Some(done) = requests.join_next().await {
        done.expect("a request does not panic");
    }
    say!("all 8 requests answered");
}
// ANCHOR_END: waiting_tasks

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
