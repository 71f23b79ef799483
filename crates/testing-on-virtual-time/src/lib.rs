//! Testing async code on virtual time.
//!
//! `cargo xtask new-lesson <slug>` copies this crate to `crates/<slug>`,
//! renames it `lesson-<slug>`, and puts its title on the first line above.
//! For now it shows the starting example: two downloads joined with
//! `tokio::join!`, whose waits overlap. Replace this paragraph with what the
//! lesson shows, and the example with its programs.
//!
//! Run it: `cargo run -p lesson-testing-on-virtual-time`.

use lesson_kit::Program;

mod blocking_holds_the_clock;
mod exercises;
mod orders;
mod retry_backoff;
mod timeout_on_a_socket;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "retry-backoff",
            "a retry that waits 2 + 4 + 8 + 16 s",
            retry_backoff::program,
        )
        .python_differs("asyncio has no paused clock: its loop here has a clock of its own, whose times it prints"),
        Program::new(
            "orders",
            "an orders client, on loopback (its tests: against a mock)",
            orders::program,
        ),
        Program::new(
            "blocking-holds-the-clock",
            "a 10 ms timer beside 50 ms of spawn_blocking work",
            blocking_holds_the_clock::program,
        ),
        Program::new(
            "timeout-on-a-socket",
            "timeout(5 s, read) while the answer comes in real time",
            timeout_on_a_socket::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "delivery-clock",
            "advance(5 s), then sleep(1 s), beside a spawned 3 s sleep",
            exercises::delivery_clock::program,
        ),
        Program::fix(
            "session-expiry",
            "a session's expiry, tested on a paused clock",
            exercises::session_expiry::program,
            exercises::session_expiry_solution::program,
            exercises::session_expiry,
        ),
    ]
}
