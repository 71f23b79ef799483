//! `std-mutex`: three order tasks share one stock count through an
//! `Arc<std::sync::Mutex<_>>`. Each awaits its payment first, and holds
//! the lock only for the instant it takes to update the stock.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-shared-state -- std-mutex`.

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

// ANCHOR: std_mutex
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: std_mutex
#[cfg_attr(test, lesson_kit::lane(customer))]
// ANCHOR: std_mutex
async fn order(stock: Arc<Mutex<HashMap<&'static str, u32>>>, customer: &str, payment: u64) {
    // The card payment takes a while; no lock is held during this wait.
    tokio::time::sleep(Duration::from_millis(payment)).await;
    // The guard lives only in this block, with no `.await` inside: the
    // lock is taken and released in the same poll, and the future stays
    // `Send`, as `tokio::spawn` requires.
    let left = {
        let mut stock = stock.lock().expect("no task panicked holding the lock");
        let umbrellas = stock.entry("umbrella").or_default();
        if *umbrellas == 0 {
            None
        } else {
            *umbrellas -= 1;
            Some(*umbrellas)
        }
    };
    match left {
        Some(left) => say!("{customer}: umbrella reserved, {left} left"),
        None => say!("{customer}: sold out"),
    }
}

// ANCHOR_END: std_mutex
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: std_mutex
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: std_mutex
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: std_mutex
    // `Arc`: shared ownership across tasks; `Mutex`: one writer at a time.
    let stock = Arc::new(Mutex::new(HashMap::from([("umbrella", 2)])));
    let mut orders = JoinSet::new();
    for (customer, payment) in [("alice", 1_000), ("bob", 2_000), ("carol", 500)] {
        // Each order runs as its own task, with its own handle to the
        // same stock.
        let stock = Arc::clone(&stock);
        orders.spawn(order(stock, customer, payment));
    }
    // Takes each order task's result as it finishes; they all run
    // meanwhile.
    while let Some(finished) = orders.join_next().await {
        finished.expect("an order task does not panic");
    }
    let left = stock.lock().expect("not poisoned")["umbrella"];
    say!("stock at closing: {left} umbrellas");
}
// ANCHOR_END: std_mutex

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
