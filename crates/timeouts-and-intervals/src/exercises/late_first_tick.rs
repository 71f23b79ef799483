//! Exercise `late-first-tick` (predict the output): a sensor poller makes
//! its `interval`, then spends 2.5 s connecting before its first tick.
//! Write down what it prints, in order, with the time of each line, before
//! you run it: `cargo xtask exercise late-first-tick` checks your
//! prediction, and `cargo run -p lesson-timeouts-and-intervals --
//! late-first-tick` runs it.

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

// ANCHOR: late_first_tick
use std::time::Duration;

use tokio::time::interval;

// ANCHOR_END: late_first_tick
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: late_first_tick
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: late_first_tick
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: late_first_tick
    let mut ticks = interval(Duration::from_secs(1));
    // Connecting to the sensor bus takes 2.5 s.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    say!("poller: connected");
    for n in 1..=5 {
        ticks.tick().await;
        say!("reading {n}");
    }
}
// ANCHOR_END: late_first_tick

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
