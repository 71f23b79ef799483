//! Wakers across threads.
//!
//! `thread-timer`: a timer future woken by a plain `std::thread`, through
//! the waker it kept in shared state. `join-spurious`: `tokio::join!` of
//! two hand-written futures: a wake of one branch polls both, since
//! `join!` has one waker for all its branches. `trusting-delivery`: the
//! same, with a future that takes a poll for a wake-up, and is ready two
//! seconds early. `futures-unordered`: the same two futures in a
//! `FuturesUnordered`, which gives each a waker of its own.
//!
//! Run it: `cargo run -p lesson-wakers`.

use lesson_kit::Program;

mod exercises;
mod futures_unordered;
mod join_spurious;
mod thread_timer;
mod trusting_delivery;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "thread-timer",
            "a timer future woken three times from a std::thread, with wake_by_ref",
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
            "trusting-delivery",
            "join! of deliveries that take a poll for a wake-up: the letter comes early",
            trusting_delivery::program,
        ),
        Program::new(
            "futures-unordered",
            "the same deliveries in a FuturesUnordered: a waker of their own",
            futures_unordered::program,
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
