//! Streams.
//!
//! A `futures::Stream` is an async iterator: `unfold` builds one from a
//! state and an async step (a Python async generator), and the consumer
//! pulls its items with `next().await` (`async for`). `combinators`
//! chains `stream::iter`, `filter`, `map` and `then`, which runs one
//! future at a time; `buffered` runs up to three at once and keeps their
//! order.
//!
//! Run it: `cargo run -p lesson-streams`.

use lesson_kit::Program;

mod buffered;
mod combinators;
mod exercises;
mod unfold;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "unfold",
            "stream::unfold + while let Some(x) = s.next().await",
            unfold::program,
        ),
        Program::new(
            "combinators",
            "stream::iter(..).filter(..).map(..).then(..)",
            combinators::program,
        ),
        Program::new(
            "buffered",
            "stream::iter(..).map(charge).buffered(3)",
            buffered::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "zipped-sensors",
            "a fast and a slow stream, zipped",
            exercises::zipped_sensors::program,
        ),
        Program::fix(
            "stalled-archive",
            "buffered(2) downloads, stalled while the loop archives",
            exercises::stalled_archive::program,
            exercises::stalled_archive_solution::program,
            exercises::stalled_archive,
        ),
    ]
}
