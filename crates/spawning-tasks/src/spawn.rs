//! `spawn`: `tokio::spawn` hands each order to the runtime as a task and
//! returns a `JoinHandle` at once. On this one thread the tasks start only
//! when `main` yields, at its first `.await`; then they run on their own,
//! whether or not anyone is awaiting their handle yet.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- spawn`.

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

// ANCHOR: spawn
use std::time::Duration;

// ANCHOR_END: spawn
#[cfg_attr(test, lesson_kit::lane(format!("order {order}")))]
// ANCHOR: spawn
async fn ship(order: u32, seconds: u64) -> String {
    say!("order {order}: packing");
    // Waits for the courier; the thread is free for other tasks meanwhile.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("order {order}: shipped");
    format!("tracking number T-{order}")
}

// ANCHOR_END: spawn
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawn
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: spawn
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawn
    // `spawn` puts each future in the runtime's run queue as a task and
    // returns its handle: nothing of them has run yet, since `main` still
    // holds the only thread.
    let first = tokio::spawn(ship(1, 2));
    let second = tokio::spawn(ship(2, 1));
    say!("main: spawned two tasks");
    // Awaiting a handle waits for that task's return value. `main` is
    // pending here, so the runtime runs both tasks.
    let tracking = first.await.expect("the task does not panic");
    say!("main: order 1 returned {tracking}");
    // Order 2 finished at 1 s, before anyone awaited its handle: its value
    // was kept for us, and this `.await` is ready at once.
    let tracking = second.await.expect("the task does not panic");
    say!("main: order 2 returned {tracking}");
}
// ANCHOR_END: spawn

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
