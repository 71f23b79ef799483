//! A solution of exercise `busy-importer`: the importer's loop spends
//! tokio's cooperative budget with `tokio::task::consume_budget()`, one
//! unit per row, so it yields every 128 rows, as tokio's own `recv()` did
//! in `packing-budget`. (A `yield_now` before the loop, or
//! `unconstrained`, does not fix it: the loop still never answers
//! `Pending`.)

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: busy_importer_solution
use std::time::Duration;

use futures::stream::{self, StreamExt};

/// Imports one row: parsing and checking it is 1 ms of CPU work, which
/// `thread::sleep` stands in for.
fn import(_row: u32) {
    thread::sleep(Duration::from_millis(1));
}

// ANCHOR_END: busy_importer_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: busy_importer_solution
async fn importer(rows: Vec<u32>) {
    // The file is parsed already: every row is in memory, so each `next()`
    // of this stream is ready at once.
    let mut rows = stream::iter(rows);
    let mut imported = 0;
    while let Some(row) = rows.next().await {
        // Spends a unit of the task's budget, as tokio's own resources do
        // (`stream::iter` is not one of them): once the 128 units of this
        // poll are spent, it answers `Pending`, the task yields, and the
        // heartbeat gets its turn. (`tokio::task::yield_now().await` every
        // few rows works too, yielding on a count of your own.)
        tokio::task::consume_budget().await;
        import(row);
        imported += 1;
    }
    say!("importer: {imported} rows imported");
}

// ANCHOR_END: busy_importer_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: busy_importer_solution
async fn heartbeat() {
    for beat in 1..=5 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        say!("heartbeat {beat}");
    }
}

// ANCHOR_END: busy_importer_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: busy_importer_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: busy_importer_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: busy_importer_solution
    // The heartbeat is spawned first, so it is polled first and sets its
    // timer; then the importer runs.
    let heartbeat = tokio::spawn(heartbeat());
    let importer = tokio::spawn(importer((1..=500).collect()));
    importer.await.expect("the importer does not panic");
    heartbeat.await.expect("the heartbeat does not panic");
}
// ANCHOR_END: busy_importer_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
