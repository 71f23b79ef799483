//! An executor that runs this book's programs.
//!
//! Two programs build a runtime from scratch, std and `futures` only:
//! `block-on` (one future, a thread that parks, a `Wake` that unparks it)
//! and `executor` (a run queue of tasks, `spawn`, and a sorted timer queue
//! on a virtual clock). The test `tests/part_one.rs` compiles Part I's program
//! files, unchanged, against `executor`, and compares what they print with
//! their tokio snapshots.
//!
//! Run it: `cargo run -p lesson-an-executor`.

use lesson_kit::Program;

pub mod block_on;
pub mod executor;
mod exercises;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "block-on",
            "block_on: poll, park, be woken, poll again",
            block_on::program,
        ),
        Program::new(
            "executor",
            "a run queue, spawn, and a timer queue on a virtual clock",
            executor::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "loading-dock",
            "two trucks and a forklift on the chapter's executor",
            exercises::loading_dock::program,
        ),
        Program::fix(
            "lost-wakeup",
            "an executor that loses a task's wake-up",
            exercises::lost_wakeup::program,
            exercises::lost_wakeup_solution::program,
            exercises::lost_wakeup,
        ),
    ]
}
