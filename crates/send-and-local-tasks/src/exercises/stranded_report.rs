//! Exercise `stranded-report` (fix the bug): the shop's report is a task
//! on a `LocalSet`, because it keeps its running totals in an `Rc`, and
//! `main` waits for its `JoinHandle`. It never comes: the program hangs.
//! Make the report run, so that `main` files it at `1.000s`.
//!
//! Check your fix with `cargo xtask exercise stranded-report`, which
//! copies this file to `exercises/stranded-report.rs` for you to edit.

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

// ANCHOR: stranded_report
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use tokio::task::LocalSet;

// ANCHOR_END: stranded_report
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stranded_report
async fn report(shelves: [u32; 4]) -> u32 {
    // Running totals in an `Rc`, held across the `.await`s: not `Send`.
    let total = Rc::new(Cell::new(0));
    for items in shelves {
        tokio::time::sleep(Duration::from_millis(250)).await;
        total.set(total.get() + items);
    }
    say!("report: {} items on 4 shelves", total.get());
    total.get()
}

// ANCHOR_END: stranded_report
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stranded_report
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stranded_report
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stranded_report
    let local = LocalSet::new();
    let task = local.spawn_local(report([12, 7, 30, 5]));
    say!("main: report spawned");
    // Meanwhile, `main` has its own work: half a second of restocking.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("main: aisle 3 restocked");
    // Waits for the report's task to finish.
    let items = task.await.expect("the report does not panic");
    say!("main: report filed, {items} items");
}
// ANCHOR_END: stranded_report

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
