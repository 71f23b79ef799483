//! `interval-burst`: an `Interval` of 1 s whose consumer is slow once
//! (tick 2's work takes 2.5 s), with the default `MissedTickBehavior`,
//! `Burst`: the first tick completes at once, and after the slow tick the
//! missed ticks fire at once, back to back, to catch up with the schedule.

use std::time::Duration;

use lesson_kit::say;
use tokio::time::{Instant, interval};

// ANCHOR: interval_burst
pub async fn run() {
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
