//! Futures are lazy.
//!
//! A plain function runs when called (`normal-function`). Calling an
//! `async fn` only builds a future; it runs when awaited (`coroutine`,
//! `lazy`); one that is dropped never runs (`never-awaited`), and `rustc`
//! warns about it at compile time (see `fixtures/never_awaited.rs` and the
//! test below). `tokio::spawn` is the
//! eager one: the runtime starts the task at the spawner's next `.await`
//! (`spawn-is-eager`).
//!
//! Run it: `cargo run -p lesson-futures-are-lazy`.

use lesson_kit::Program;

pub mod coroutine;
pub mod lazy;
pub mod never_awaited;
pub mod normal_function;
pub mod spawn_is_eager;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::blocking("normal-function", "normal_function()", normal_function::run),
        Program::tokio("coroutine", "coroutine(\"Alice\", 2).await", coroutine::run),
        Program::tokio("lazy", "let f = coroutine(..); ...; f.await", lazy::run),
        Program::tokio("never-awaited", "drop(coroutine(..))", never_awaited::run).python_differs(
            "Python warns at run time that the coroutine was never awaited; Rust warns at compile time",
        ),
        Program::tokio("spawn-is-eager", "tokio::spawn(download(..))", spawn_is_eager::run),
    ]
}

/// What `rustc` says about a future that is never awaited: it compiles
/// `fixtures/never_awaited.rs` and locks the warning in
/// `fixtures/never-awaited.snap`.
#[cfg(test)]
mod rustc_warns {
    #[test]
    fn a_future_never_awaited_is_a_warning() {
        lesson_kit::rustc_snapshot!("never-awaited", "fixtures/never_awaited.rs", Compiles);
    }
}
