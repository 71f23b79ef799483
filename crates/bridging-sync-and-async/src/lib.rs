//! Bridging sync and async code.
//!
//! `own-runtime`: a synchronous program (a legacy CSV exporter) needs an
//! async price client; it owns a `current_thread` runtime and runs each
//! call with `Runtime::block_on`. `runtime-in-runtime`: the async dashboard
//! calls that exporter from a task, and tokio panics, "Cannot start a
//! runtime from within a runtime". `spawn-blocking`: the fix, the same call
//! on tokio's blocking pool. `handle-in-thread`: a plain thread, in no
//! runtime, gets the dashboard's `Handle` and uses it to `block_on` async
//! calls and `spawn` a task on the dashboard's runtime.
//!
//! Run it: `cargo run -p lesson-bridging-sync-and-async`.

use lesson_kit::Program;

mod exercises;
mod handle_in_thread;
mod own_runtime;
mod runtime_in_runtime;
mod spawn_blocking;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "own-runtime",
            "a sync main, and a runtime of its own: runtime.block_on(..)",
            own_runtime::program,
        ),
        Program::new(
            "runtime-in-runtime",
            "block_on inside a task: \"Cannot start a runtime from within a runtime\"",
            runtime_in_runtime::program,
        )
        .python_differs("Python raises its own RuntimeError, with its own message"),
        Program::new(
            "spawn-blocking",
            "the fix: spawn_blocking(|| export_csv(..)).await",
            spawn_blocking::program,
        ),
        Program::new(
            "handle-in-thread",
            "Handle::current() moved into a std::thread: block_on and spawn from there",
            handle_in_thread::program,
        )
        .python_differs("Python's error message for a thread outside the event loop is its own"),
        // The exercises at the end of the chapter.
        Program::predict(
            "billing-inbox",
            "a sync main, its own runtime, a meter thread with its Handle",
            exercises::billing_inbox::program,
        ),
        Program::fix(
            "sensor-feed",
            "std's blocking recv() in an async task stalls the health check",
            exercises::sensor_feed::program,
            exercises::sensor_feed_solution::program,
            exercises::sensor_feed,
        ),
    ]
}
