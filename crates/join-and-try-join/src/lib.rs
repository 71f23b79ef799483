//! Joining futures, and failing early.
//!
//! `join-results`: `tokio::join!` runs every branch to its end, even after
//! one has returned an `Err` (Python: `gather(..., return_exceptions=True)`).
//! `try-join`: `tokio::try_join!` returns the first `Err` and drops the
//! other branches, cancelling them (Python's plain `gather` raises the
//! first error too, but lets the others run on). `try-join-tasks`: over
//! `JoinHandle`s, `try_join!` drops only the handles, and the sibling task
//! runs on, as in Python. `join-all` and
//! `try-join-all`: the same two for a `Vec` of futures, from `futures`.
//!
//! Run it: `cargo run -p lesson-join-and-try-join`.

use lesson_kit::Program;

mod exercises;
mod join_all;
mod join_results;
mod try_join;
mod try_join_all;
mod try_join_tasks;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "join-results",
            "join!(charge_card(42), reserve_stock(42))",
            join_results::program,
        ),
        Program::new(
            "try-join",
            "try_join!(charge_card(42), reserve_stock(42))",
            try_join::program,
        )
        .python_differs(
            "asyncio.gather raises the first error but does not cancel the other awaitables: the reservation still finishes",
        ),
        Program::new(
            "try-join-tasks",
            "try_join!(flatten(spawn(charge_card(42))), flatten(spawn(reserve_stock(42))))",
            try_join_tasks::program,
        ),
        Program::new("join-all", "join_all(downloads)", join_all::program),
        Program::new("try-join-all", "try_join_all(price lookups)", try_join_all::program),
        // The exercises at the end of the chapter.
        Program::predict(
            "bad-postcode",
            "try_join! over three checks, one of which fails at once",
            exercises::bad_postcode::program,
        ),
        Program::fix(
            "checkout-steps",
            "three independent checkout steps, awaited one after the other",
            exercises::checkout_steps::program,
            exercises::checkout_steps_solution::program,
            exercises::checkout_steps,
        ),
    ]
}
