//! The event loop, tokio's runtime.
//!
//! `by-hand` writes out what `#[tokio::main]` expands to: a runtime from
//! `tokio::runtime::Builder`, then `block_on`. `flavors` compares a
//! `current_thread` runtime with a `multi_thread` one. `interleaving`
//! shows the runtime switching between three tasks at each `.await`.
//!
//! Run it: `cargo run -p lesson-event-loop`.

use lesson_kit::Program;

pub mod by_hand;
pub mod flavors;
pub mod interleaving;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::blocking(
            "by-hand",
            "Builder::new_current_thread() ... block_on(async_main())",
            by_hand::run,
        )
        .python_differs("the same steps in asyncio's words: an event loop, run_until_complete"),
        Program::blocking("flavors", "current_thread vs multi_thread", flavors::run),
        Program::tokio(
            "interleaving",
            "three spawned downloads on one thread",
            interleaving::run,
        )
        .python_differs("asyncio resumes tasks after sleep(0) in the order they yielded; tokio promises no order after yield_now"),
    ]
}
