//! Exercise `stock-take` (fix the bug): three shelves are counted at once,
//! each by a task of a `JoinSet`, and `main` adds up their counts. Shelf
//! B's scanner returns an error code, and its task panics. The program
//! does not crash; worse, it reports a total as if every shelf had been
//! counted, and shelf C is never counted at all. Make the stock-take count
//! every shelf it can, and say that it is incomplete when a count failed.
//!
//! Check your fix with `cargo xtask exercise stock-take`, which copies
//! this file to `exercises/stock-take.rs` for you to edit.

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

// ANCHOR: stock_take
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: stock_take
#[cfg_attr(test, lesson_kit::lane(format!("shelf {shelf}")))]
// ANCHOR: stock_take
async fn count_shelf(shelf: &'static str, walk: Duration, reading: &'static str) -> u32 {
    say!("shelf {shelf}: counting");
    // The scanner takes its time to walk the shelf.
    tokio::time::sleep(walk).await;
    // The scanner's reading is a number, or an error code such as "E7":
    // then `expect` panics, and the panic ends this task.
    let count: u32 = reading.parse().expect("the scanner reads a number");
    say!("shelf {shelf}: {count} items");
    count
}

// ANCHOR_END: stock_take
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stock_take
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stock_take
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stock_take
    // Each shelf is counted by a task of its own, all at once.
    let mut shelves = JoinSet::new();
    for (shelf, seconds, reading) in [("A", 1, "40"), ("B", 2, "E7"), ("C", 3, "25")] {
        shelves.spawn(count_shelf(shelf, Duration::from_secs(seconds), reading));
    }
    let mut total = 0;
    // Adds up each shelf's count as its task finishes.
    while let Some(Ok(count)) = shelves.join_next().await {
        total += count;
    }
    say!("stock-take: {total} items in stock");
}
// ANCHOR_END: stock_take

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
