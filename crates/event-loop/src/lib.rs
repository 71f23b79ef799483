//! The event loop, tokio's runtime.
//!
//! `by-hand` writes out what `#[tokio::main]` expands to: a runtime from
//! `tokio::runtime::Builder`, then `block_on`. `flavors` compares a
//! `current_thread` runtime with a `multi_thread` one. `interleaving`
//! shows the runtime switching between three tasks at each `.await`.
//!
//! Run it: `cargo run -p lesson-event-loop`.

use lesson_kit::Program;

mod by_hand;
mod flavors;
mod interleaving;

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
        Program::new("flavors", "current_thread vs multi_thread", flavors::program),
        Program::new(
            "interleaving",
            "three spawned downloads on one thread",
            interleaving::program,
        )
        .python_differs("asyncio resumes tasks after sleep(0) in the order they yielded; tokio promises no order after yield_now"),
    ]
}
