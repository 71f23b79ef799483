//! Synchronous vs asynchronous.
//!
//! Two programs with the same two tasks. In `blocking`, `task1` blocks the
//! thread for 3 s, so `task2` waits for it. In `non-blocking`, `task1`
//! *awaits* a 3 s timer instead, and the runtime runs `task2` meanwhile.
//!
//! Run it: `cargo run -p lesson-sync-vs-async`.

use lesson_kit::Program;

pub mod blocking;
mod exercises;
pub mod non_blocking;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new("blocking", "task1(); task2();", blocking::program),
        Program::new(
            "non-blocking",
            "join!(task1(), task2())",
            non_blocking::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "weather-station",
            "join! over three sensors, one of them blocking",
            exercises::weather_station::program,
        ),
        Program::fix(
            "slow-checkout",
            "join! over three payments that block the thread",
            exercises::slow_checkout::program,
            exercises::slow_checkout_solution::program,
            exercises::slow_checkout,
        ),
    ]
}
