//! Limiting concurrency.
//!
//! Twenty downloads, at most three at a time. `waves` runs them in
//! batches of three, each batch waiting for its slowest download;
//! `semaphore` takes one of a `Semaphore`'s 3 permits before it spawns
//! each download; `permit-order` shows who runs first when several
//! permits come back at the same instant (the queue's order);
//! `buffer-unordered` turns the downloads into a stream of futures and
//! lets `StreamExt::buffer_unordered(3)` run three at a time. The
//! timestamps show a new download starting the instant one ends.
//!
//! Run it: `cargo run -p lesson-limiting-concurrency`.

use lesson_kit::Program;

mod buffer_unordered;
mod exercises;
mod permit_order;
mod semaphore;
mod waves;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "waves",
            "join_all(batch of 3), batch after batch",
            waves::program,
        ),
        Program::new(
            "semaphore",
            "Semaphore::new(3), a permit per download",
            semaphore::program,
        ),
        Program::new(
            "permit-order",
            "3 permits back at once: who runs first",
            permit_order::program,
        ),
        Program::new(
            "buffer-unordered",
            "stream::iter(..).map(download).buffer_unordered(3)",
            buffer_unordered::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "big-report",
            "acquire_many(3) at the head of the queue",
            exercises::big_report::program,
        ),
        Program::fix(
            "unlimited-uploads",
            "a permit dropped at the end of the loop body",
            exercises::unlimited_uploads::program,
            exercises::unlimited_uploads_solution::program,
            exercises::unlimited_uploads,
        ),
    ]
}
