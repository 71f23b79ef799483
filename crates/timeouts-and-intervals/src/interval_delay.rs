//! `interval-delay`: the same slow consumer with `MissedTickBehavior::Delay`:
//! after the late tick, the beat restarts from that moment, 1 s apart.

use std::time::Duration;

use lesson_kit::say;
use tokio::time::{Instant, MissedTickBehavior, interval};

// ANCHOR: interval_delay
pub async fn run() {
    let start = Instant::now();
    // A tick every second, the first one due right now.
    let mut ticks = interval(Duration::from_secs(1));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
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
// ANCHOR_END: interval_delay
