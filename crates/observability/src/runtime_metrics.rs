//! `runtime-metrics`: three of tokio's stable runtime metrics, read from
//! the running runtime's handle: its worker threads, its alive tasks
//! before, during and after three spawned receipts, and its global queue.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-observability -- runtime-metrics`.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// ANCHOR: runtime_metrics
use std::time::Duration;

// ANCHOR_END: runtime_metrics
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: runtime_metrics
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: runtime_metrics
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: runtime_metrics
    // Stable in tokio 1.x, no `--cfg tokio_unstable` needed.
    let metrics = tokio::runtime::Handle::current().metrics();
    say!("workers: {}", metrics.num_workers());
    say!("alive tasks: {}", metrics.num_alive_tasks());
    let receipts: Vec<_> = (1..=3)
        .map(|order| {
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(100 * order)).await;
            })
        })
        .collect();
    say!("alive tasks after 3 spawns: {}", metrics.num_alive_tasks());
    say!("global queue depth: {}", metrics.global_queue_depth());
    for receipt in receipts {
        // Each `.await` waits for one receipt task to finish.
        receipt.await.expect("a receipt task does not panic");
    }
    say!(
        "alive tasks after they finish: {}",
        metrics.num_alive_tasks()
    );
}
// ANCHOR_END: runtime_metrics

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
