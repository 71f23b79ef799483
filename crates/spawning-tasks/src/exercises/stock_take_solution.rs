//! A solution of exercise `stock-take`: the loop looks at every task's
//! result, `Ok` or `Err`. `while let Some(Ok(count))` ended at the first
//! `JoinError`, shelf B's panic, and so dropped the set, which aborted
//! shelf C's task; and it never said that a shelf was missing. (If a panic
//! in any task should end the whole program instead,
//! `std::panic::resume_unwind(e.into_panic())` raises it again in `main`.)

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

// ANCHOR: stock_take_solution
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: stock_take_solution
#[cfg_attr(test, lesson_kit::lane(format!("shelf {shelf}")))]
// ANCHOR: stock_take_solution
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

// ANCHOR_END: stock_take_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stock_take_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stock_take_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stock_take_solution
    // Each shelf is counted by a task of its own, all at once.
    let mut shelves = JoinSet::new();
    for (shelf, seconds, reading) in [("A", 1, "40"), ("B", 2, "E7"), ("C", 3, "25")] {
        shelves.spawn(count_shelf(shelf, Duration::from_secs(seconds), reading));
    }
    let mut total = 0;
    let mut uncounted = 0;
    // Every result, in the order the tasks finish: a panicked task's is an
    // `Err(JoinError)`, which must neither end the loop (dropping the set
    // would abort the shelves still counting) nor pass unnoticed.
    while let Some(joined) = shelves.join_next().await {
        match joined {
            Ok(count) => total += count,
            Err(e) => {
                // Not the task's value: it panicked, or was cancelled.
                let why = if e.is_panic() {
                    "panicked"
                } else {
                    "was cancelled"
                };
                say!("stock-take: a shelf's count {why}");
                uncounted += 1;
            }
        }
    }
    if uncounted == 0 {
        say!("stock-take: {total} items in stock");
    } else {
        say!("stock-take: incomplete, {total} items counted, shelves missing: {uncounted}");
    }
}
// ANCHOR_END: stock_take_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
