//! The runtime a recording runs a program on: what
//! `#[tokio::main(flavor = "current_thread")]` builds, with its clock
//! paused. (On `cargo run` and the Playground a program builds its own,
//! with `#[tokio::main]`.)

use tokio::runtime::{Builder, Runtime};

/// A `current_thread` runtime; `paused` for the tests' virtual time.
pub fn current_thread_runtime(paused: bool) -> Runtime {
    // What `#[tokio::main(flavor = "current_thread")]` builds: a runtime on
    // this one thread, with its timer and I/O drivers. Tests also pause its
    // clock, so sleeps take no real time and timestamps are exact.
    Builder::new_current_thread()
        .enable_all()
        .start_paused(paused)
        .build()
        .expect("a current_thread runtime always builds")
}

/// The paused runtime of a recording: a paused [`current_thread_runtime`]
/// whose blocking threads report a panic as one the test expects (the
/// program's panic is part of its recorded run; see `panics`).
pub fn recording_runtime() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .on_thread_start(crate::panics::mark_this_thread)
        .build()
        .expect("a current_thread runtime always builds")
}
