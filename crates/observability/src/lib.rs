//! Observability: tracing a request across .await.
//!
//! `tracing` spans that follow a request across its `.await`s, made with
//! `#[instrument]` or attached with `Instrument`; a small `Layer` that
//! prints each event with its spans through `say!`, so the transcript of
//! a traced run locks its span structure; the pitfall of `span.enter()`
//! held across an `.await`; and tokio's stable runtime metrics.
//!
//! Run it: `cargo run -p lesson-observability`.

use lesson_kit::Program;

mod enter_across_await;
mod exercises;
mod runtime_metrics;
mod two_orders;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "two-orders",
            "two #[instrument]ed orders, joined: their lines interleave",
            two_orders::program,
        ),
        Program::new(
            "enter-across-await",
            "span.enter() held across .await, in two joined orders",
            enter_across_await::program,
        )
        .python_differs(
            "a ContextVar is per task in asyncio: Python has no guard to hold across an await",
        ),
        Program::new(
            "runtime-metrics",
            "num_workers, num_alive_tasks, global_queue_depth",
            runtime_metrics::program,
        )
        .python_differs("asyncio has no runtime metrics of this kind"),
        // The exercises at the end of the chapter.
        Program::predict(
            "refund-spans",
            "two #[instrument]ed refunds, created in a batch span, joined outside it the other way round",
            exercises::refund_spans::program,
        ),
        Program::fix(
            "receipt-email",
            "a spawned receipt task that loses its order's span",
            exercises::receipt_email::program,
            exercises::receipt_email_solution::program,
            exercises::receipt_email,
        ),
    ]
}
