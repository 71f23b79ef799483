//! A solution of exercise `stranded-report`: the report's `JoinHandle` is
//! awaited inside `local.run_until(..)`, which runs the set's tasks while
//! it waits, so the report runs and is filed at `1.000s`.

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

// ANCHOR: stranded_report_solution
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use tokio::task::LocalSet;

// ANCHOR_END: stranded_report_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stranded_report_solution
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

// ANCHOR_END: stranded_report_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stranded_report_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stranded_report_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stranded_report_solution
    let local = LocalSet::new();
    let task = local.spawn_local(report([12, 7, 30, 5]));
    say!("main: report spawned");
    // `main`'s own work and the wait both run inside the set, which runs
    // the report meanwhile.
    let items = local
        .run_until(async {
            tokio::time::sleep(Duration::from_millis(500)).await;
            say!("main: aisle 3 restocked");
            task.await
        })
        .await
        .expect("the report does not panic");
    say!("main: report filed, {items} items");
}
// ANCHOR_END: stranded_report_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
