//! Capstone: a stock service.
//!
//! `stock-service`: one small TCP service that puts the book's pieces
//! together: a line protocol through `Framed` and `LinesCodec` (Part IV),
//! one actor task that owns the stock, fed by a bounded `mpsc` with
//! `oneshot` replies (Part III), a task per connection on a `TaskTracker`,
//! shut down by a `CancellationToken` with a drain deadline, an idle
//! timeout per connection, and `tracing` spans per connection and per
//! command (Part VI). Its integration test drives two clients over
//! loopback on the paused clock, where a 30 s idle timeout fires at once.
//!
//! Run it: `cargo run -p lesson-a-stock-service`.

use lesson_kit::Program;

mod exercises;
mod stock_service;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![Program::new(
        "stock-service",
        "an actor, a tracker, a token, an idle timeout and spans, in one TCP service",
        stock_service::program,
    )]
}
