//! Racing futures with `select!`.
//!
//! `race`: `tokio::select!` waits for the first of several futures and
//! drops the others. `biased`: with several branches ready at once,
//! `select!` picks one at random unless it starts with `biased;` (the
//! random pick is measured by `biased`'s tests, never in a snapshot).
//! `select-loop`: `select!` in a loop against one deadline, and
//! `select-loop-reset`: the bug of building that deadline inside the loop.
//!
//! Run it: `cargo run -p lesson-select`.

use lesson_kit::Program;

mod biased;
mod exercises;
mod race;
mod select_loop;
mod select_loop_reset;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new("race", "select! { eu => .., us => .. }", race::program),
        Program::new(
            "biased",
            "select! { biased; .. } over two ready futures",
            biased::program,
        ),
        Program::new(
            "select-loop",
            "loop { select! { order, &mut closing } }",
            select_loop::program,
        ),
        Program::new(
            "select-loop-reset",
            "loop { select! { order, sleep(3.5 s) } }: the timer restarts",
            select_loop_reset::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "courier-race",
            "select! between two couriers",
            exercises::courier_race::program,
        ),
        Program::fix(
            "abandoned-download",
            "select! over two spawned downloads: the loser runs on",
            exercises::abandoned_download::program,
            exercises::abandoned_download_solution::program,
            exercises::abandoned_download,
        ),
    ]
}
