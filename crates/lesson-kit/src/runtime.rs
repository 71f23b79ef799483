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
