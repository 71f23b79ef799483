//! `interval-burst`: an `Interval` of 1 s whose consumer is slow once
//! (tick 2's work takes 2.5 s), with the default `MissedTickBehavior`,
//! `Burst`: the first tick completes at once, and after the slow tick the
//! missed ticks fire at once, back to back, to catch up with the schedule.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-timeouts-and-intervals -- interval-burst`.

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

// ANCHOR: interval_burst
use std::time::Duration;

use tokio::time::{Instant, interval};

// ANCHOR_END: interval_burst
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: interval_burst
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: interval_burst
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: interval_burst
    let start = Instant::now();
    // A tick every second, the first one due right now.
    let mut ticks = interval(Duration::from_secs(1));
    // No `set_missed_tick_behavior`: the default is `Burst`.
    for n in 1..=6 {
        // Waits for the next tick. `tick()` returns the instant the tick
        // was *due*, which is earlier than now when the consumer is late.
        let due = ticks.tick().await;
        say!("tick {n} (due at {:.3}s)", (due - start).as_secs_f64());
        if n == 2 {
            // Slow work: ticks 3 and 4 come due while this waits.
            tokio::time::sleep(Duration::from_millis(2500)).await;
        }
    }
}
// ANCHOR_END: interval_burst

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
