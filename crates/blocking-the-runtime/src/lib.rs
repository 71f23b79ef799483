//! Blocking the runtime.
//!
//! In `blocked-heartbeat` a task resizes photos with blocking code, inside
//! a task: it holds the one runtime thread for 2 s, and a heartbeat task
//! that beats every second is 1.5 s late. In `spawn-blocking` each resize
//! runs on tokio's blocking thread pool (`spawn_blocking`), and the
//! heartbeat keeps its rhythm. `timeout-blocked` shows that a `timeout`
//! cannot cut a blocking poll short. `abort-blocking` shows that `abort()` does
//! not stop a blocking closure that has started, and that the runtime's
//! shutdown waits for it. On a `multi_thread` runtime, `blocked-worker`
//! shows the other worker stealing a blocked worker's queue (all but its
//! LIFO slot), and `block-in-place` shows `block_in_place` handing a
//! single worker to a new thread, and just calling the closure in
//! `block_on`'s body. (That it panics on a `current_thread` runtime is
//! checked by a block of the chapter.)
//!
//! Run it: `cargo run -p lesson-blocking-the-runtime`.

use lesson_kit::Program;

mod abort_blocking;
mod block_in_place;
mod blocked_heartbeat;
mod blocked_worker;
mod exercises;
mod spawn_blocking;
mod timeout_blocked;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "blocked-heartbeat",
            "resize(photo) inside a task, beside a heartbeat",
            blocked_heartbeat::program,
        ),
        Program::new(
            "timeout-blocked",
            "timeout(1 s) around a poll that blocks for 2 s",
            timeout_blocked::program,
        ),
        Program::new(
            "spawn-blocking",
            "spawn_blocking(move || resize(photo)).await",
            spawn_blocking::program,
        ),
        Program::new(
            "abort-blocking",
            "abort() on a spawn_blocking task that has started",
            abort_blocking::program,
        ),
        Program::new(
            "blocked-worker",
            "multi_thread, 2 workers: one blocked, the other steals its queue",
            blocked_worker::program,
        ),
        Program::new(
            "block-in-place",
            "multi_thread, 1 worker: block_in_place in a task and in block_on",
            block_in_place::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "blocked-join",
            "join!(make_thumbnail(..), ping(..), alarm(timer)), one of them blocking",
            exercises::blocked_join::program,
        ),
        Program::fix(
            "stalled-logins",
            "a password hashed on the runtime thread while two sessions wait",
            exercises::stalled_logins::program,
            exercises::stalled_logins_solution::program,
            exercises::stalled_logins,
        ),
    ]
}
