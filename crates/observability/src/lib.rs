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

/// Each program is one whole file (what the Play button sends), so the
/// shared part the chapter shows once (`src/two_orders.rs`'s `say_layer` anchor) is
/// copied into every program that uses it: this keeps the copies equal.
#[cfg(test)]
mod copies {
    fn without_anchors(text: &str) -> String {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("// ANCHOR"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_program_has_the_same_say_layer() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let shown = std::fs::read_to_string(dir.join("two_orders.rs")).unwrap();
        let start = shown
            .find("// ANCHOR: say_layer")
            .expect("the anchor say_layer");
        let end = shown
            .rfind("// ANCHOR_END: say_layer")
            .expect("the anchor's end");
        let part = without_anchors(&shown[start..end]);
        let mut checked = 0;
        for folder in [dir.clone(), dir.join("exercises")] {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let name = entry.file_name();
                if ["lib.rs", "main.rs", "mod.rs"]
                    .map(std::ffi::OsStr::new)
                    .contains(&name.as_os_str())
                {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                if !text.contains("SayLayer") {
                    continue;
                }
                checked += 1;
                assert!(
                    without_anchors(&text).contains(part.trim()),
                    "{} no longer has src/two_orders.rs's {} word for word; copy it again",
                    entry.path().display(),
                    "SayLayer"
                );
            }
        }
        assert!(
            checked > 1,
            "no program but two_orders.rs has {}",
            "SayLayer"
        );
    }
}
