//! Blocking the runtime.
//!
//! In `blocked-heartbeat` a task resizes photos with blocking code, inside
//! a task: it holds the one runtime thread for 2 s, and a heartbeat task
//! that beats every second is 1.5 s late. In `spawn-blocking` each resize
//! runs on tokio's blocking thread pool (`spawn_blocking`), and the
//! heartbeat keeps its rhythm. (`block_in_place`, which panics on a
//! `current_thread` runtime, is shown in the chapter.)
//!
//! Run it: `cargo run -p lesson-blocking-the-runtime`.

use lesson_kit::Program;

mod blocked_heartbeat;
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
    ]
}
