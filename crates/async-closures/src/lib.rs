//! Async closures.
//!
//! `retry-with-backoff`: a retry helper that takes an async closure,
//! `F: AsyncFn(&Request) -> Result<..>` (Rust 1.85), whose future borrows
//! the request; the same helper written the old way, `F: Fn(&Request) ->
//! Fut`, is refused (`fixtures/fn_bound_borrowing_closure.rs` and
//! `fixtures/fn_bound_async_fn_item.rs`, locked below).
//! `counted-attempts`: a closure that counts its attempts is `AsyncFnMut`
//! (`AsyncFn` refuses it: `fixtures/async_fn_mutating_closure.rs`), and an
//! `async move` closure that gives away what it owns is `AsyncFnOnce`.
//!
//! Run it: `cargo run -p lesson-async-closures`.

use lesson_kit::Program;

mod counted_attempts;
mod exercises;
mod retry_with_backoff;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "retry-with-backoff",
            "retry(&request, async |req| mirror.download(req).await), backoff 1 s, 2 s, 4 s",
            retry_with_backoff::program,
        ),
        Program::new(
            "counted-attempts",
            "AsyncFnMut: a closure that counts its attempts; AsyncFnOnce: one that gives away what it owns",
            counted_attempts::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "copied-counter",
            "an async move closure counting its calls: what does main see?",
            exercises::copied_counter::program,
        ),
        Program::fix(
            "hesitant-retry",
            "a retry helper that waits before the first attempt too",
            exercises::hesitant_retry::program,
            exercises::hesitant_retry_solution::program,
            exercises::hesitant_retry,
        ),
    ]
}

/// What `rustc` says about the closures this chapter's programs avoid: it
/// compiles each std-only fixture and locks the message in its `.snap`.
#[cfg(test)]
mod rustc_says {
    /// `F: Fn(&Request) -> Fut` and a closure whose future borrows `req`.
    #[test]
    fn an_fn_bound_refuses_a_closure_whose_future_borrows() {
        lesson_kit::rustc_snapshot!(
            "fn-bound-borrowing-closure",
            "fixtures/fn_bound_borrowing_closure.rs",
            Fails
        );
    }

    /// The same bound and the `async fn` itself: E0308.
    #[test]
    fn an_fn_bound_refuses_an_async_fn_that_borrows() {
        lesson_kit::rustc_snapshot!(
            "fn-bound-async-fn-item",
            "fixtures/fn_bound_async_fn_item.rs",
            Fails
        );
    }

    /// `AsyncFn` and a closure that changes its captures: E0596.
    #[test]
    fn async_fn_refuses_a_closure_that_counts() {
        lesson_kit::rustc_snapshot!(
            "async-fn-mutating-closure",
            "fixtures/async_fn_mutating_closure.rs",
            Fails
        );
    }

    /// A plain closure returning the download's future: not general enough.
    #[test]
    fn async_fn_refuses_a_plain_closure_whose_future_borrows() {
        lesson_kit::rustc_snapshot!(
            "async-fn-plain-closure",
            "fixtures/async_fn_plain_closure.rs",
            Fails
        );
    }

    /// The `async fn` itself fits `AsyncFn`.
    #[test]
    fn async_fn_takes_the_async_fn_item() {
        lesson_kit::rustc_snapshot!("async-fn-item", "fixtures/async_fn_item.rs", Compiles);
    }

    /// An `AsyncFnOnce` called twice: E0382.
    #[test]
    fn async_fn_once_cannot_be_called_twice() {
        lesson_kit::rustc_snapshot!(
            "async-fn-once-twice",
            "fixtures/async_fn_once_twice.rs",
            Fails
        );
    }

    /// Generic code spawning an `AsyncFn`'s future: not `Send`.
    #[test]
    fn a_spawned_async_fn_future_is_not_send() {
        lesson_kit::rustc_snapshot!("spawned-async-fn", "fixtures/spawned_async_fn.rs", Fails);
    }

    /// The bound on `CallRefFuture`: unstable, E0658.
    #[test]
    fn the_call_ref_future_bound_is_unstable() {
        lesson_kit::rustc_snapshot!(
            "call-ref-future-bound",
            "fixtures/call_ref_future_bound.rs",
            Fails
        );
    }

    /// Before 1.85: `for<'a> Fn(&'a Request) -> Pin<Box<dyn Future + 'a>>`.
    #[test]
    fn a_boxed_future_bound_takes_a_borrowing_closure() {
        lesson_kit::rustc_snapshot!("boxed-fn-bound", "fixtures/boxed_fn_bound.rs", Compiles);
    }

    /// The old bound, `Fn() -> Fut` with `Fut: Send + 'static`, spawned.
    #[test]
    fn the_old_bound_can_promise_send() {
        lesson_kit::rustc_snapshot!("old-bound-spawn", "fixtures/old_bound_spawn.rs", Compiles);
    }
}
