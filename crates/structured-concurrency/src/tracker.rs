//! `tracker`: the order's three calls on a `TaskTracker`, which waits for
//! all of them, whatever each returns. But it cancels nothing: when the
//! caller gives up after 0.5 s and drops `place_order`, the tracker is
//! dropped with it and the calls run on. The card is charged at 1 s, for
//! an order abandoned half a second before.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-structured-concurrency -- tracker`.

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

// ANCHOR: tracker
use std::time::Duration;

use tokio_util::task::TaskTracker;

// ANCHOR_END: tracker
#[cfg_attr(test, lesson_kit::lane(service))]
// ANCHOR: tracker
/// One call to a service: it is done after `millis`.
async fn call(service: &'static str, millis: u64, done: &'static str) {
    // Waits for the service's reply over the network.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    say!("{service}: {done}");
}

// ANCHOR_END: tracker
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: tracker
async fn place_order(order: u32) {
    say!("order {order}: calling three services");
    let calls = TaskTracker::new();
    calls.spawn(call("inventory", 2000, "2 items reserved"));
    calls.spawn(call("payment", 1000, "card charged"));
    calls.spawn(call("shipping", 3000, "label printed"));
    // No more tasks: `wait` completes once the tracker is closed and empty.
    calls.close();
    calls.wait().await;
    say!("order {order}: placed");
}

// ANCHOR_END: tracker
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: tracker
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: tracker
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: tracker
    // The caller gives up after 0.5 s: `timeout` drops `place_order`, and
    // the tracker inside it. Dropping a tracker aborts nothing.
    let patience = Duration::from_millis(500);
    if tokio::time::timeout(patience, place_order(1))
        .await
        .is_err()
    {
        say!("main: order 1 abandoned by the customer");
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: tracker

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
