//! Wakers across threads.
//!
//! `thread-timer`: a timer future woken by a plain `std::thread`, through
//! the waker it kept in shared state. `join-spurious`: `tokio::join!` of
//! two hand-written futures: a wake of one branch polls both, since
//! `join!` has one waker for all its branches. `block-on-by-hand`: a
//! `block_on` of our own, whose waker, built with `std::task::Wake`,
//! unparks its thread.
//!
//! Run it: `cargo run -p lesson-wakers`.

use lesson_kit::Program;

mod block_on_by_hand;
mod exercises;
mod join_spurious;
mod thread_timer;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "thread-timer",
            "a timer future woken from a std::thread",
            thread_timer::program,
        ),
        Program::new(
            "join-spurious",
            "join!(parcel, letter): a wake of one branch polls both",
            join_spurious::program,
        )
        .python_differs(
            "asyncio.gather gives each awaitable a Task of its own, so only the woken one is stepped",
        ),
        Program::new(
            "block-on-by-hand",
            "block_on with a Waker built from std::task::Wake",
            block_on_by_hand::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "impatient-customer",
            "timeout(2 s, a hand-written delivery) while the courier needs 3 s",
            exercises::impatient_customer::program,
        ),
        Program::fix(
            "handed-over-parcel",
            "a future that keeps the waker of its first poll only",
            exercises::handed_over_parcel::program,
            exercises::handed_over_parcel_solution::program,
            exercises::handed_over_parcel,
        ),
    ]
}
