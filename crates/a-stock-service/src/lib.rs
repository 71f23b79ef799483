//! Capstone: a stock service.
//!
//! `cargo xtask new-lesson <slug>` copies this crate to `crates/<slug>`,
//! renames it `lesson-<slug>`, and puts its title on the first line above.
//! For now it shows the starting example: two downloads joined with
//! `tokio::join!`, whose waits overlap. Replace this paragraph with what the
//! lesson shows, and the example with its programs.
//!
//! Run it: `cargo run -p lesson-a-stock-service`.

use lesson_kit::Program;

mod exercises;
mod two_downloads;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "two-downloads",
            "join!(download(a), download(b))",
            two_downloads::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "a-stock-service-predict",
            "join! of two downloads: which line when?",
            exercises::a_stock_service_predict::program,
        ),
        Program::fix(
            "a-stock-service-fix",
            "two downloads awaited one after the other",
            exercises::a_stock_service_fix::program,
            exercises::a_stock_service_fix_solution::program,
            exercises::a_stock_service_fix,
        ),
    ]
}
