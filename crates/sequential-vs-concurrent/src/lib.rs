//! Sequential vs concurrent.
//!
//! `sequential` awaits `task_1()` and then `task_2()`: 3 s. `joined` runs
//! the same two futures with `join!`, as the notebook's "EXAMPLE # 1"
//! does with `asyncio.gather`: 2 s, because their waits overlap (the
//! notebook calls that example sequential; it is concurrent).
//! `join-rotates` shows that `join!` starts each poll with the next
//! branch in turn, unless it is `biased;`. `await-foo`
//! is its "EXAMPLE # 2": one coroutine awaiting another, which is
//! sequential.
//!
//! Run it: `cargo run -p lesson-sequential-vs-concurrent`.

use lesson_kit::Program;

mod await_foo;
mod exercises;
mod join_rotates;
mod joined;
mod sequential;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "sequential",
            "task_1().await; task_2().await;",
            sequential::program,
        ),
        Program::new("joined", "join!(task_1(), task_2())", joined::program),
        Program::new(
            "join-rotates",
            "join!(..) rotates which future it polls first; join!(biased; ..) does not",
            join_rotates::program,
        ),
        Program::new("await-foo", "foo(\"text\").await", await_foo::program),
        // The exercises at the end of the chapter.
        Program::predict(
            "two-dishes",
            "join! over two dishes of two sequential steps each",
            exercises::two_dishes::program,
        ),
        Program::fix(
            "customer-page",
            "a page's three loads, awaited one after another",
            exercises::customer_page::program,
            exercises::customer_page_solution::program,
            exercises::customer_page,
        ),
    ]
}
