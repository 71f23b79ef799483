//! The event loop, tokio's runtime.
//!
//! `by-hand` writes out what `#[tokio::main]` expands to: a runtime from
//! `tokio::runtime::Builder`, then `block_on`. `leftover-task` shows what
//! dropping the runtime does to a task still waiting: it drops it, so only
//! its destructors run (Python's `asyncio.run` cancels it and runs its
//! `finally` instead). `flavors` compares a `current_thread` runtime with
//! a `multi_thread` one, and `spawn-on-workers` shows where a task spawned
//! on `multi_thread` starts. `interleaving` shows the runtime switching
//! between three tasks at each `.await`.
//!
//! Run it: `cargo run -p lesson-event-loop`.

use lesson_kit::Program;

mod by_hand;
mod exercises;
mod flavors;
mod interleaving;
mod leftover_task;
mod spawn_on_workers;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "by-hand",
            "Builder::new_current_thread() ... block_on(async_main())",
            by_hand::program,
        )
        .python_differs("the same steps in asyncio's words: an event loop, run_until_complete"),
        Program::new(
            "leftover-task",
            "a task still waiting when main returns",
            leftover_task::program,
        )
        .python_differs("asyncio.run cancels the leftover task and runs its finally, awaits included; dropping a tokio runtime drops the task, and only its destructors run"),
        Program::new("flavors", "current_thread vs multi_thread", flavors::program),
        Program::new(
            "spawn-on-workers",
            "tokio::spawn from block_on's thread vs from a worker",
            spawn_on_workers::program,
        ),
        Program::new(
            "interleaving",
            "three spawned downloads on one thread",
            interleaving::program,
        )
        .python_differs("asyncio resumes tasks after sleep(0) in the order they yielded; tokio promises no order after yield_now"),
        // The exercises at the end of the chapter.
        Program::predict(
            "dinner-service",
            "tasks spawned by main and by a task, on one thread",
            exercises::dinner_service::program,
        ),
        Program::fix(
            "unsent-receipts",
            "spawned receipt tasks, dropped with the runtime when main returns",
            exercises::unsent_receipts::program,
            exercises::unsent_receipts_solution::program,
            exercises::unsent_receipts,
        ),
    ]
}
