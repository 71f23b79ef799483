//! Async fn in traits.
//!
//! `two-sources`: a trait with an `async fn` (stable since Rust 1.75),
//! implemented twice and awaited by one generic function. Spawning that
//! generic function's future does not compile: nothing says the method's
//! future is `Send` (`fixtures/spawned_generic_quote.rs`, locked below).
//! `spawned-quotes`: the method written `-> impl Future<Output = u32> +
//! Send`, and the quotes spawned. A trait with an `async fn` is not dyn
//! compatible (`fixtures/dyn_async_fn.rs`, E0038); `boxed-sources`: the
//! method returns a boxed future, and sources of two types share a list.
//! Return-type notation is refused by stable rustc
//! (`fixtures/return_type_notation.rs`, E0658).
//!
//! Run it: `cargo run -p lesson-async-fn-in-traits`.

use lesson_kit::Program;

mod boxed_sources;
mod exercises;
mod spawned_quotes;
mod two_sources;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "two-sources",
            "a trait with an async fn, two implementations, one generic caller",
            two_sources::program,
        ),
        Program::new(
            "spawned-quotes",
            "fn price(..) -> impl Future<Output = u32> + Send: generic quotes spawned",
            spawned_quotes::program,
        ),
        Program::new(
            "boxed-sources",
            "Box<dyn PriceSource> whose method returns Pin<Box<dyn Future + Send>>",
            boxed_sources::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "early-quote",
            "async fn against fn -> impl Future: when does each body run?",
            exercises::early_quote::program,
        ),
        Program::fix(
            "serial-board",
            "three quotes awaited one after another because spawning them did not compile",
            exercises::serial_board::program,
            exercises::serial_board_solution::program,
            exercises::serial_board,
        ),
    ]
}

/// What `rustc` says about each thing this chapter's programs avoid: it
/// compiles each std-only fixture and locks the message in its `.snap`.
#[cfg(test)]
mod rustc_says {
    /// A generic function spawns a trait method's future: not `Send`.
    #[test]
    fn a_spawned_generic_quote_is_not_send() {
        lesson_kit::rustc_snapshot!(
            "spawned-generic-quote",
            "fixtures/spawned_generic_quote.rs",
            Fails
        );
    }

    /// A public trait with an `async fn`: a warning, and the same help.
    #[test]
    fn a_public_async_fn_in_a_trait_warns() {
        lesson_kit::rustc_snapshot!("public-async-fn", "fixtures/public_async_fn.rs", Compiles);
    }

    /// `dyn PriceSource` with an `async fn`: E0038.
    #[test]
    fn a_trait_with_an_async_fn_is_not_dyn_compatible() {
        lesson_kit::rustc_snapshot!("dyn-async-fn", "fixtures/dyn_async_fn.rs", Fails);
    }

    /// `S: PriceSource<price(..): Send>`: E0658 on stable.
    #[test]
    fn return_type_notation_is_not_stable() {
        lesson_kit::rustc_snapshot!(
            "return-type-notation",
            "fixtures/return_type_notation.rs",
            Fails
        );
    }

    /// The same spawn for one concrete type: it compiles.
    #[test]
    fn a_spawned_concrete_quote_is_send() {
        lesson_kit::rustc_snapshot!(
            "concrete-spawned-quote",
            "fixtures/concrete_spawned_quote.rs",
            Compiles
        );
    }

    /// An implementation's `Rc` across an `.await`, against a `Send` promise.
    #[test]
    fn an_rc_across_an_await_breaks_the_promise() {
        lesson_kit::rustc_snapshot!("rc-across-await", "fixtures/rc_across_await.rs", Fails);
    }

    /// Both variants' `price` on one type, called as a method: E0034.
    #[test]
    fn a_method_call_cannot_choose_a_variant() {
        lesson_kit::rustc_snapshot!(
            "variant-method-call",
            "fixtures/variant_method_call.rs",
            Fails
        );
    }

    /// `-> impl Future + Send`, no `async`, behind `dyn`: E0038 too.
    #[test]
    fn a_trait_returning_impl_future_is_not_dyn_compatible() {
        lesson_kit::rustc_snapshot!("dyn-impl-future", "fixtures/dyn_impl_future.rs", Fails);
    }

    /// `where Self: Sized` on the `async fn`: the trait is a `dyn` type, the
    /// method is not in its vtable.
    #[test]
    fn a_sized_async_fn_cannot_be_called_through_dyn() {
        lesson_kit::rustc_snapshot!("sized-async-fn", "fixtures/sized_async_fn.rs", Fails);
    }

    /// A boxed future with `+ '_`, which borrows the SKU too: refused.
    #[test]
    fn an_elided_lifetime_is_not_enough_for_the_boxed_future() {
        lesson_kit::rustc_snapshot!(
            "boxed-elided-lifetime",
            "fixtures/boxed_elided_lifetime.rs",
            Fails
        );
    }
}
