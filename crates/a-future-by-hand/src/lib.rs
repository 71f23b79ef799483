//! A future by hand.
//!
//! `doorbell`: a type that implements `Future` itself, answering
//! `Poll::Pending` until another task rings and calls the waker it kept.
//! `poll-fn-timer`: `std::future::poll_fn` around a tokio timer, passing
//! the `Context` down, as `.await` does. `never-woken`: a future that
//! answers `Pending` and arranges no wake-up hangs for ever; a timeout ends
//! the program.
//!
//! Run it: `cargo run -p lesson-a-future-by-hand`.

use lesson_kit::Program;

mod doorbell;
mod exercises;
mod never_woken;
mod poll_fn_timer;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "doorbell",
            "impl Future for Doorbell: Pending until the courier wakes it",
            doorbell::program,
        ),
        Program::new(
            "poll-fn-timer",
            "poll_fn(|cx| kettle.poll(cx)): the Context passed down",
            poll_fn_timer::program,
        ),
        Program::new(
            "never-woken",
            "Pending with no wake-up arranged: a hang, ended by a timeout",
            never_woken::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "early-courier",
            "the courier rings before the door is awaited",
            exercises::early_courier::program,
        ),
        Program::fix(
            "silent-locker",
            "a locker future that answers Pending and keeps no waker",
            exercises::silent_locker::program,
            exercises::silent_locker_solution::program,
            exercises::silent_locker,
        ),
    ]
}
