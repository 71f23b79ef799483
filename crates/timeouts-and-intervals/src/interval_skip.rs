//! `interval-skip`: the same slow consumer with `MissedTickBehavior::Skip`:
//! the late tick 3 still fires at once, the other missed tick (due at 3 s)
//! is dropped, and the beat goes on at the next whole second of the
//! original schedule.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-timeouts-and-intervals -- interval-skip`.

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

// ANCHOR: interval_skip
use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior, interval};

// ANCHOR_END: interval_skip
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: interval_skip
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: interval_skip
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: interval_skip
    let start = Instant::now();
    // A tick every second, the first one due right now.
    let mut ticks = interval(Duration::from_secs(1));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
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
// ANCHOR_END: interval_skip

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
