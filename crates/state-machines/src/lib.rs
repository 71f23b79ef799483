//! `async fn` is a state machine.
//!
//! `async-fn`: an `async fn` with two `.await`s; `hand-written`: the state
//! machine the compiler makes of it, written by hand as an `enum` and a
//! `Future` impl, printing the same transcript (tested below).
//! `future-sizes`: a future is as big as what it holds across an `.await`;
//! `box-pin`: a big future in a `Box::pin` is one pointer; `recursion`: an
//! `async fn` that awaits itself needs `Box::pin` (rustc's E0733 without
//! it, locked from `fixtures/recursive_count.rs`).
//!
//! Run it: `cargo run -p lesson-state-machines`.

use lesson_kit::Program;

mod async_fn;
mod box_pin;
mod exercises;
mod future_sizes;
mod hand_written;
mod recursion;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "async-fn",
            "async fn deliver(order): two .awaits",
            async_fn::program,
        ),
        Program::new(
            "hand-written",
            "enum Deliver + impl Future: the same, by hand",
            hand_written::program,
        )
        .python_differs(
            "it drives a coroutine by hand with send() and prints its frame between steps: Python's state machine is one heap frame, its locals and its line",
        ),
        Program::new(
            "future-sizes",
            "size_of_val: a buffer held across .await, or not",
            future_sizes::program,
        ),
        Program::new(
            "box-pin",
            "Box::pin(a 16 KiB future): one pointer",
            box_pin::program,
        ),
        Program::new(
            "recursion",
            "an async fn that awaits itself, through Box::pin",
            recursion::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "biggest-future",
            "size_of_val of three packing futures",
            exercises::biggest_future::program,
        ),
        Program::fix(
            "stalled-restock",
            "a hand-written future returns Pending without a waker",
            exercises::stalled_restock::program,
            exercises::stalled_restock_solution::program,
            exercises::stalled_restock,
        ),
    ]
}

/// The hand-written state machine does what the `async fn` does: the two
/// programs' transcripts, times included, are the same.
#[cfg(test)]
mod hand_written_equals_async_fn {
    #[test]
    fn the_two_transcripts_are_equal() {
        let programs = super::programs();
        let async_fn = lesson_kit::record(lesson_kit::program_named(&programs, "async-fn"));
        let hand_written = lesson_kit::record(lesson_kit::program_named(&programs, "hand-written"));
        assert!(async_fn.contains("order 7: delivered"), "{async_fn}");
        assert_eq!(async_fn, hand_written);
    }

    /// The compiler's state machine has a `Done` state too, and polling it
    /// panics, as `Deliver::Done` does.
    #[test]
    fn an_async_fn_polled_after_completion_panics() {
        use std::future::Future;
        use std::task::{Context, Waker};

        async fn nothing() {}
        let mut future = std::pin::pin!(nothing());
        let mut cx = Context::from_waker(Waker::noop());
        assert!(future.as_mut().poll(&mut cx).is_ready());
        let message = lesson_kit::panics::expect_panic(|| future.as_mut().poll(&mut cx));
        assert_eq!(message, "`async fn` resumed after completion");
    }

    /// A fifth state the hand-written enum lacks: a body that panicked
    /// inside `poll` leaves the state machine poisoned, and the next poll
    /// panics with a message of its own.
    #[test]
    fn an_async_fn_polled_after_a_panic_panics() {
        use std::future::Future;
        use std::task::{Context, Waker};

        async fn broken_scale() {
            std::future::ready(()).await;
            panic!("the scale is broken");
        }
        let mut future = std::pin::pin!(broken_scale());
        let mut cx = Context::from_waker(Waker::noop());
        let mut poll_once = || lesson_kit::panics::expect_panic(|| future.as_mut().poll(&mut cx));
        assert_eq!(poll_once(), "the scale is broken");
        assert_eq!(poll_once(), "`async fn` resumed after panicking");
    }

    /// An argument kept across an `.await` is stored twice today: once as
    /// the captured argument of the `Start` state, once as the body's local
    /// (rust-lang/rust#62958). If this fails, rustc has fixed it: update
    /// the chapter's paragraph on what the enum does not match.
    #[test]
    fn an_argument_kept_across_an_await_is_stored_twice() {
        async fn send_packet(packet: [u8; 1024]) -> usize {
            std::future::ready(()).await;
            packet.len()
        }
        let size = std::mem::size_of_val(&send_packet([7; 1024]));
        assert!(size >= 2048, "send_packet(..) is {size} bytes");
    }
}

/// What `rustc` says when an `async fn` awaits itself without a box: it
/// compiles `fixtures/recursive_count.rs` (std only) and locks the error
/// in `fixtures/recursive-count.snap`.
#[cfg(test)]
mod rustc_refuses {
    #[test]
    fn a_recursive_async_fn_needs_a_box() {
        lesson_kit::rustc_snapshot!("recursive-count", "fixtures/recursive_count.rs", Fails);
    }
}
