//! Exercise `packing-budget` (predict the output): a packing task takes
//! 200 orders that are all waiting in its channel, and a monitor task
//! looks at how far it got; twice, the second time with packing
//! `unconstrained`. Write down what it prints, in order, with the time of
//! each line, before you run it: `cargo xtask exercise packing-budget`
//! checks your prediction, and
//! `cargo run -p lesson-a-million-tasks -- packing-budget` runs it.

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

// ANCHOR: packing_budget
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::mpsc;

// ANCHOR_END: packing_budget
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: packing_budget
async fn packing(mut orders: mpsc::UnboundedReceiver<u32>, taken: Arc<AtomicUsize>) {
    // Every order is already in the channel: each `recv()` has one ready.
    while orders.recv().await.is_some() {
        taken.fetch_add(1, Ordering::Relaxed);
    }
    say!(
        "packing: all {} orders taken",
        taken.load(Ordering::Relaxed)
    );
}

// ANCHOR_END: packing_budget
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: packing_budget
async fn monitor(taken: Arc<AtomicUsize>) {
    let so_far = taken.load(Ordering::Relaxed);
    say!("monitor: packing has taken {so_far} orders");
}

// ANCHOR_END: packing_budget
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: packing_budget
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: packing_budget
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: packing_budget
    for unconstrained in [false, true] {
        let (tx, rx) = mpsc::unbounded_channel();
        for order in 1..=200 {
            tx.send(order).expect("packing has the receiver");
        }
        // Closes the channel once the 200 orders are taken.
        drop(tx);
        say!("shop: 200 orders queued (unconstrained: {unconstrained})");
        let taken = Arc::new(AtomicUsize::new(0));
        let job = packing(rx, Arc::clone(&taken));
        // Two tasks; they run when `main` awaits the first handle.
        let packing = match unconstrained {
            false => tokio::spawn(job),
            true => tokio::spawn(tokio::task::unconstrained(job)),
        };
        let monitor = tokio::spawn(monitor(taken));
        packing.await.expect("packing does not panic");
        monitor.await.expect("the monitor does not panic");
    }
}
// ANCHOR_END: packing_budget

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
