//! Structured concurrency.
//!
//! `orphan`: an order request spawns three service calls with
//! `tokio::spawn`, and `?` leaves it at the first error while two calls run
//! on. `scoped`: the same calls in a `JoinSet` the function owns, which
//! aborts them on every way out (`?`, a caller that drops the future).
//! `tracker`: a `TaskTracker` waits for its tasks but does not cancel them.
//! `futurelock`: a `select!` over `&mut` a future queued for a
//! `tokio::sync::Mutex`, whose other branch waits for that lock: a hang on
//! one task, ended by a tripwire. `futurelock-spawned`: the fix, the future
//! as a task of a `JoinSet`.
//!
//! Run it: `cargo run -p lesson-structured-concurrency`.

use lesson_kit::Program;

mod exercises;
mod futurelock;
mod futurelock_spawned;
mod orphan;
mod scoped;
mod tracker;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "orphan",
            "tokio::spawn three calls, ? at the first error: two run on",
            orphan::program,
        ),
        Program::new(
            "scoped",
            "the calls in a JoinSet the function owns: left by ?, left by its caller",
            scoped::program,
        ),
        Program::new(
            "tracker",
            "a TaskTracker waits for its tasks, and cancels none when dropped",
            tracker::program,
        ),
        Program::new(
            "futurelock",
            "select! over &mut a future queued for a lock its other branch awaits",
            futurelock::program,
        ),
        Program::new(
            "futurelock-spawned",
            "the same race with the future as a task of a JoinSet",
            futurelock_spawned::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "voided-label",
            "a JoinSet of three jobs, left by ? at 1 s",
            exercises::voided_label::program,
        ),
        Program::fix(
            "stuck-heartbeat",
            "a heartbeat waits for the connection an unpolled upload was handed",
            exercises::stuck_heartbeat::program,
            exercises::stuck_heartbeat_solution::program,
            exercises::stuck_heartbeat,
        ),
    ]
}
