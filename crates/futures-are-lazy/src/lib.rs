//! Futures are lazy.
//!
//! A plain function runs when called (`normal-function`). Calling an
//! `async fn` only builds a future; it runs when awaited (`coroutine`,
//! `lazy`); one that is dropped never runs (`never-awaited`), and `rustc`
//! warns at compile time about some ways of throwing a future away, not
//! all (see `fixtures/never_awaited.rs` and the test below). `tokio::spawn`
//! is the eager one: the runtime starts the task at the spawner's next
//! `.await` that returns Pending (`spawn-is-eager`), which tokio's
//! cooperative budget forces after 128 ready ones (`spawn-budget`).
//!
//! Run it: `cargo run -p lesson-futures-are-lazy`.

use lesson_kit::Program;

mod coroutine;
mod exercises;
mod lazy;
mod never_awaited;
mod normal_function;
mod spawn_budget;
mod spawn_is_eager;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new("normal-function", "normal_function()", normal_function::program),
        Program::new("coroutine", "coroutine(\"Alice\", 2).await", coroutine::program),
        Program::new("lazy", "let f = coroutine(..); ...; f.await", lazy::program),
        Program::new("never-awaited", "drop(coroutine(..))", never_awaited::program).python_differs(
            "Python warns at run time that the coroutine was never awaited; Rust warns at compile time",
        ),
        Program::new("spawn-is-eager", "tokio::spawn(download(..))", spawn_is_eager::program),
        Program::new(
            "spawn-budget",
            "tokio::spawn(logger(..)), then 200 ready recv().await",
            spawn_budget::program,
        )
        .python_differs(
            "asyncio has no cooperative budget: an await that need not wait never switches, so the task starts after main's loop",
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "tea-and-coffee",
            "a future and a spawned task, awaited after a 1 s wait",
            exercises::tea_and_coffee::program,
        ),
        Program::fix(
            "forgotten-orders",
            "three order futures built and never awaited",
            exercises::forgotten_orders::program,
            exercises::forgotten_orders_solution::program,
            exercises::forgotten_orders,
        ),
    ]
}

/// What `rustc` says about futures that are never awaited: it compiles
/// `fixtures/never_awaited.rs` and locks the warnings in
/// `fixtures/never-awaited.snap`: a bare `f();` and a thrown-away boxed
/// future are warned, `let _ = f();`, an unused `let _future = f();` and a
/// dropped `tokio::spawn(..)` handle are not.
#[cfg(test)]
mod rustc_warns {
    #[test]
    fn only_a_bare_discarded_future_is_a_warning() {
        lesson_kit::rustc_snapshot!("never-awaited", "fixtures/never_awaited.rs", Compiles);
    }
}
