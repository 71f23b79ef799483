//! Exercise `busy-importer` (fix the bug): an importer task imports 500
//! rows, each 1 ms of CPU work, from a stream of rows already in memory,
//! beside a heartbeat that beats every 100 ms. The importer's loop
//! `.await`s every row, yet the heartbeat does not beat until the import
//! is over. Make the heartbeat beat at least every 150 ms while the import
//! runs, with all 500 rows still imported by `0.500s`. Keep `import` as
//! it is: its `thread::sleep` stands in for work that is short for each
//! row, and has no `.await` to give the thread back at.
//!
//! Check your fix with `cargo xtask exercise busy-importer`, which copies
//! this file to `exercises/busy-importer.rs` for you to edit.

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

// ANCHOR: busy_importer
use std::time::Duration;

use futures::stream::{self, StreamExt};

/// Imports one row: parsing and checking it is 1 ms of CPU work, which
/// `thread::sleep` stands in for.
fn import(_row: u32) {
    thread::sleep(Duration::from_millis(1));
}

// ANCHOR_END: busy_importer
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: busy_importer
async fn importer(rows: Vec<u32>) {
    // The file is parsed already: every row is in memory, so each `next()`
    // of this stream is ready at once.
    let mut rows = stream::iter(rows);
    let mut imported = 0;
    while let Some(row) = rows.next().await {
        import(row);
        imported += 1;
    }
    say!("importer: {imported} rows imported");
}

// ANCHOR_END: busy_importer
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: busy_importer
async fn heartbeat() {
    for beat in 1..=5 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        say!("heartbeat {beat}");
    }
}

// ANCHOR_END: busy_importer
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: busy_importer
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: busy_importer
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: busy_importer
    // The heartbeat is spawned first, so it is polled first and sets its
    // timer; then the importer runs.
    let heartbeat = tokio::spawn(heartbeat());
    let importer = tokio::spawn(importer((1..=500).collect()));
    importer.await.expect("the importer does not panic");
    heartbeat.await.expect("the heartbeat does not panic");
}
// ANCHOR_END: busy_importer

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
