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
pub mod orders;
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
            "testing-on-virtual-time-predict",
            "join! of two downloads: which line when?",
            exercises::testing_on_virtual_time_predict::program,
        ),
        Program::fix(
            "testing-on-virtual-time-fix",
            "two downloads awaited one after the other",
            exercises::testing_on_virtual_time_fix::program,
            exercises::testing_on_virtual_time_fix_solution::program,
            exercises::testing_on_virtual_time_fix,
        ),
    ]
}
