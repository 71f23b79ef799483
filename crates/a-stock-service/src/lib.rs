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
    vec![
        Program::new(
            "stock-service",
            "an actor, a tracker, a token, an idle timeout and spans, in one TCP service",
            stock_service::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "last-apples",
            "three customers, one stock keeper, 5 apples: 2, 4 and 3 asked for at once",
            exercises::last_apples::program,
        ),
        Program::fix(
            "busy-customer",
            "an idle timeout that cuts off a busy customer",
            exercises::busy_customer::program,
            exercises::busy_customer_solution::program,
            exercises::busy_customer,
        ),
    ]
}

/// `stock_service.rs` is one whole file (what the Play button sends), so it
/// carries its own copy of the `SayLayer` the observability chapter shows
/// (`crates/observability/src/two_orders.rs`, anchor `say_layer`): this
/// keeps the two equal.
#[cfg(test)]
mod copies {
    fn say_layer(path: &std::path::Path) -> String {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let start = text
            .find("// ANCHOR: say_layer")
            .unwrap_or_else(|| panic!("{} has no anchor say_layer", path.display()));
        let end = text
            .rfind("// ANCHOR_END: say_layer")
            .unwrap_or_else(|| panic!("{} has no end marker for anchor say_layer", path.display()));
        text[start..end].to_owned()
    }

    #[test]
    fn the_say_layer_is_observabilitys_word_for_word() {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shown = say_layer(&here.join("../observability/src/two_orders.rs"));
        let copy = say_layer(&here.join("src/stock_service.rs"));
        assert_eq!(
            copy, shown,
            "crates/a-stock-service/src/stock_service.rs no longer has crates/observability/src/two_orders.rs's SayLayer word for word; copy it again"
        );
    }
}
