//! `detach-and-abort`: dropping a `JoinHandle` does not stop its task (the
//! task is *detached* and runs on), while `abort()` cancels the task at its
//! current `.await`; awaiting the handle of a task aborted before it
//! finished then returns a `JoinError` whose `is_cancelled()` is true.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- detach-and-abort`.

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

// ANCHOR: detach_and_abort
use std::time::Duration;

// ANCHOR_END: detach_and_abort
#[cfg_attr(test, lesson_kit::lane("receipt"))]
// ANCHOR: detach_and_abort
async fn send_receipt() {
    say!("receipt: sending");
    // Waits 2 s; nobody holds this task's handle, and it runs on anyway.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("receipt: sent");
}

// ANCHOR_END: detach_and_abort
#[cfg_attr(test, lesson_kit::lane("report"))]
// ANCHOR: detach_and_abort
async fn build_report() {
    say!("report: building");
    // Waits 3 s; `abort()` cancels the task here, at 1 s.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("report: built");
}

// ANCHOR_END: detach_and_abort
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: detach_and_abort
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: detach_and_abort
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: detach_and_abort
    // Two tasks; both start at main's first `.await`.
    let receipt = tokio::spawn(send_receipt());
    let report = tokio::spawn(build_report());
    // Dropping a handle only gives up the right to await the task: the
    // task is detached, not cancelled.
    drop(receipt);
    say!("main: not waiting for the receipt task");
    // Lets both tasks start and wait on their timers.
    tokio::time::sleep(Duration::from_secs(1)).await;
    report.abort();
    say!("main: aborted the report task");
    // The handle still reports how the task ended: cancelled.
    match report.await {
        Ok(()) => say!("main: the report task finished"),
        Err(e) if e.is_cancelled() => say!("main: the report task was cancelled"),
        Err(e) => say!("main: the report task panicked: {e}"),
    }
    // Waits long enough for the detached receipt task to finish by itself.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: detach_and_abort

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
