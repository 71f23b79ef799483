//! Synchronous vs asynchronous.
//!
//! Two programs with the same two tasks. In `blocking`, `task1` blocks the
//! thread for 3 s, so `task2` waits for it. In `non-blocking`, `task1`
//! *awaits* a 3 s timer instead, and the runtime runs `task2` meanwhile.
//!
//! Run it: `cargo run -p lesson-sync-vs-async`.

use lesson_kit::Program;

pub mod blocking;
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
    ]
}
