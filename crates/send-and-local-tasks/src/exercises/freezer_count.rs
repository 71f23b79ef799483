//! Exercise `freezer-count` (predict the output): a count spawned on a
//! `LocalSet` that `main` drives only part of the time. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise freezer-count` checks your prediction, and
//! `cargo run -p lesson-send-and-local-tasks -- freezer-count` runs it.

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

// ANCHOR: freezer_count
use std::time::Duration;

use tokio::task::LocalSet;
use tokio::time::sleep;

// ANCHOR_END: freezer_count
#[cfg_attr(test, lesson_kit::lane(freezer))]
// ANCHOR: freezer_count
async fn count(freezer: &'static str) {
    say!("{freezer}: counting");
    sleep(Duration::from_secs(1)).await;
    say!("{freezer}: counted");
}

// ANCHOR_END: freezer_count
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: freezer_count
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: freezer_count
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: freezer_count
    let local = LocalSet::new();
    local.spawn_local(count("freezer"));
    // main waits 2 s without the set.
    sleep(Duration::from_secs(2)).await;
    say!("main: back from lunch");
    // Drives the set's tasks while it waits half a second.
    local.run_until(sleep(Duration::from_millis(500))).await;
    say!("main: half a second with the set");
    // Drives the set until its last task is done.
    local.await;
    say!("main: stocktake done");
}
// ANCHOR_END: freezer_count

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
