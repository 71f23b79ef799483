//! Sequential vs concurrent.
//!
//! `sequential` awaits `task_1()` and then `task_2()`: 3 s. `joined` runs
//! the same two futures with `join!`, as the notebook's "EXAMPLE # 1"
//! does with `asyncio.gather`: 2 s, because their waits overlap (the
//! notebook calls that example sequential; it is concurrent). `await-foo`
//! is its "EXAMPLE # 2": one coroutine awaiting another, which is
//! sequential.
//!
//! Run it: `cargo run -p lesson-sequential-vs-concurrent`.

use lesson_kit::Program;

pub mod await_foo;
pub mod joined;
pub mod sequential;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::tokio(
            "sequential",
            "task_1().await; task_2().await;",
            sequential::run,
        ),
        Program::tokio("joined", "join!(task_1(), task_2())", joined::run),
        Program::tokio("await-foo", "foo(\"text\").await", await_foo::run),
    ]
}
