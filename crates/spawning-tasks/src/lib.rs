//! Spawning tasks.
//!
//! `spawn`: `tokio::spawn` starts a task that runs on its own, and on a
//! `current_thread` runtime it starts when the spawner yields; awaiting its
//! `JoinHandle` returns its value. `detach-and-abort`: dropping the handle
//! detaches the task, `abort()` cancels it. `abort-after-completion`:
//! `abort()` on a finished task changes nothing, and on a waiting one it
//! drops the future only later. `detached-at-exit`: when `main` returns,
//! the runtime drops its detached tasks mid-`.await`. `panic`: a panicking
//! task ends with a `JoinError` (`is_panic()`), not a crash. `join-set`
//! and `join-set-failure`: a `JoinSet` owns a group of tasks and aborts
//! them all when dropped; `join-set-drop`: unlike leaving Python's
//! `asyncio.TaskGroup` block, dropping the set waits for none of them.
//!
//! Run it: `cargo run -p lesson-spawning-tasks` (the `panic` program
//! also prints tokio's panic message on stderr, as a real program would).

use lesson_kit::Program;

mod abort_after_completion;
mod detach_and_abort;
mod detached_at_exit;
mod exercises;
mod join_set;
mod join_set_drop;
mod join_set_failure;
mod panic;
mod spawn;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "spawn",
            "tokio::spawn(ship(..)), then .await the handles",
            spawn::program,
        ),
        Program::new(
            "detach-and-abort",
            "drop(handle) detaches; handle.abort() cancels",
            detach_and_abort::program,
        ),
        Program::new(
            "abort-after-completion",
            "abort() a finished task and a waiting one",
            abort_after_completion::program,
        ),
        Program::new(
            "detached-at-exit",
            "main returns while a detached task waits",
            detached_at_exit::program,
        )
        .python_differs(
            "asyncio.run cancels the tasks left when main returns and runs the loop until they finish, so their except blocks run, awaits included; a dropped tokio runtime drops its tasks, and only destructors run",
        ),
        Program::new(
            "panic",
            "a task panics: JoinError::is_panic()",
            panic::program,
        ),
        Program::new("join-set", "JoinSet::spawn, join_next()", join_set::program),
        Program::new(
            "join-set-failure",
            "one task fails: drop the JoinSet, abort the rest",
            join_set_failure::program,
        ),
        Program::new(
            "join-set-drop",
            "a JoinSet dropped: its tasks aborted, not awaited; then join_all()",
            join_set_drop::program,
        )
        .python_differs(
            "leaving an asyncio.TaskGroup block waits for its tasks; dropping a JoinSet aborts them and waits for none",
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "orphaned-receipt",
            "abort() a task that spawned a task of its own",
            exercises::orphaned_receipt::program,
        ),
        Program::fix(
            "stock-take",
            "a JoinSet's task panics, and while let Some(Ok(..)) ends the loop",
            exercises::stock_take::program,
            exercises::stock_take_solution::program,
            exercises::stock_take,
        ),
    ]
}

/// What `rustc` says when a spawned future borrows a local: it compiles
/// `fixtures/spawn_borrows.rs` (the bounds of `tokio::spawn`, with `std`
/// only) and locks the error in `fixtures/spawn-borrows.snap`.
#[cfg(test)]
mod rustc_refuses {
    #[test]
    fn a_spawned_future_cannot_borrow_a_local() {
        lesson_kit::rustc_snapshot!("spawn-borrows", "fixtures/spawn_borrows.rs", Fails);
    }
}
