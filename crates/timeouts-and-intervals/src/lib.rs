//! Timeouts and intervals.
//!
//! `timeout`: `tokio::time::timeout` fires at exactly its deadline and
//! drops the future it guarded (Python: `asyncio.wait_for`,
//! `asyncio.timeout`). `timeout-at-deadline`: a future ready at the very
//! instant of its deadline is `Ok`, since `timeout` polls it before its
//! timer. `sleep-until`: `sleep_until` waits for a fixed
//! instant, so a periodic loop does not drift as a `sleep` loop does.
//! `interval-burst`, `interval-delay`, `interval-skip`: `interval`'s first
//! tick completes at once, and `MissedTickBehavior` decides what happens
//! when the consumer falls behind.
//!
//! Run it: `cargo run -p lesson-timeouts-and-intervals`.

use lesson_kit::Program;

mod exercises;
mod interval_burst;
mod interval_delay;
mod interval_skip;
mod sleep_until;
mod timeout;
mod timeout_at_deadline;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new("timeout", "timeout(5 s, charge(..))", timeout::program),
        Program::new(
            "timeout-at-deadline",
            "timeout_at(deadline, ..): ready at the deadline, and 0.1 s after",
            timeout_at_deadline::program,
        ),
        Program::new(
            "sleep-until",
            "sleep(1 s) vs sleep_until(start + n s)",
            sleep_until::program,
        ),
        Program::new(
            "interval-burst",
            "interval(1 s), a slow tick, MissedTickBehavior::Burst (the default)",
            interval_burst::program,
        ),
        Program::new(
            "interval-delay",
            "interval(1 s), a slow tick, MissedTickBehavior::Delay",
            interval_delay::program,
        ),
        Program::new(
            "interval-skip",
            "interval(1 s), a slow tick, MissedTickBehavior::Skip",
            interval_skip::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "late-first-tick",
            "interval(1 s), made 2.5 s before its first tick",
            exercises::late_first_tick::program,
        ),
        Program::fix(
            "hung-carrier",
            "join_next() on three quotes, one of which never comes",
            exercises::hung_carrier::program,
            exercises::hung_carrier_solution::program,
            exercises::hung_carrier,
        ),
    ]
}
