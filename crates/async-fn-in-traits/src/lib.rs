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
}
