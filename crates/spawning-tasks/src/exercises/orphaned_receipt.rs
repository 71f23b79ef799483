//! Exercise `orphaned-receipt` (predict the output): an order task spawns
//! a task of its own, and `main` aborts the order task. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise orphaned-receipt` checks your prediction, and
//! `cargo run -p lesson-spawning-tasks -- orphaned-receipt` runs it.

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

// ANCHOR: orphaned_receipt
use std::time::Duration;

// ANCHOR_END: orphaned_receipt
#[cfg_attr(test, lesson_kit::lane("receipt"))]
// ANCHOR: orphaned_receipt
async fn send_receipt(order: u32) {
    say!("receipt {order}: sending");
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("receipt {order}: sent");
}

// ANCHOR_END: orphaned_receipt
#[cfg_attr(test, lesson_kit::lane("order"))]
// ANCHOR: orphaned_receipt
async fn process(order: u32) {
    say!("order {order}: packing");
    tokio::spawn(send_receipt(order));
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("order {order}: shipped");
}

// ANCHOR_END: orphaned_receipt
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: orphaned_receipt
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: orphaned_receipt
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: orphaned_receipt
    let order = tokio::spawn(process(7));
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("main: the customer cancelled order 7");
    order.abort();
    match order.await {
        Ok(()) => say!("main: order 7 had already shipped"),
        Err(e) if e.is_cancelled() => say!("main: order 7 aborted"),
        Err(e) => say!("main: order 7 panicked: {e}"),
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: orphaned_receipt

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
