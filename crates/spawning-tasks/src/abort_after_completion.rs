//! `abort-after-completion`: `abort()` only asks. A task that has already
//! finished keeps its result: awaiting its handle after `abort()` returns
//! `Ok(value)`. A task still waiting is marked cancelled, and its future is
//! dropped later, when the runtime next gets to it (here, at `main`'s next
//! `.await`): its guard's `Drop` prints after `abort()` has returned.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- abort-after-completion`.

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

// ANCHOR: abort_after_completion
use std::time::Duration;

/// A draft that says when it is thrown away: its `Drop` runs when the
/// report task's future is dropped.
struct Draft;

impl Drop for Draft {
    fn drop(&mut self) {
        say!("report: draft discarded");
    }
}

// ANCHOR_END: abort_after_completion
#[cfg_attr(test, lesson_kit::lane("stock"))]
// ANCHOR: abort_after_completion
async fn count_stock() -> u32 {
    say!("stock: counting");
    // Done after 1 s, long before anyone calls `abort()`.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("stock: 42 items");
    42
}

// ANCHOR_END: abort_after_completion
#[cfg_attr(test, lesson_kit::lane("report"))]
// ANCHOR: abort_after_completion
async fn build_report() -> &'static str {
    let _draft = Draft;
    say!("report: building");
    // Still waiting here at 2 s, when `abort()` is called.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("report: built");
    "report.pdf"
}

// ANCHOR_END: abort_after_completion
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: abort_after_completion
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: abort_after_completion
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: abort_after_completion
    let stock = tokio::spawn(count_stock());
    let report = tokio::spawn(build_report());
    // The stock task finishes at 1 s; the report task is still waiting.
    tokio::time::sleep(Duration::from_secs(2)).await;
    // Neither call waits: each marks its task, if it has not finished.
    stock.abort();
    report.abort();
    say!("main: aborted both tasks");
    // Too late for the stock task: its result was already stored.
    match stock.await {
        Ok(items) => say!("main: the stock task returned {items}"),
        Err(e) if e.is_cancelled() => say!("main: the stock task was cancelled"),
        Err(e) => say!("main: the stock task panicked: {e}"),
    }
    // This `.await` yields: the runtime drops the report task's future
    // (its draft with it), then completes its handle as cancelled.
    match report.await {
        Ok(file) => say!("main: the report task returned {file}"),
        Err(e) if e.is_cancelled() => say!("main: the report task was cancelled"),
        Err(e) => say!("main: the report task panicked: {e}"),
    }
}
// ANCHOR_END: abort_after_completion

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
