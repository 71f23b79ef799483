//! Exercise `last-umbrella` (predict the output): three customers buy
//! umbrellas from a stock of two, behind a `std::sync::Mutex`. Write down
//! what it prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise last-umbrella` checks your prediction, and
//! `cargo run -p lesson-shared-state -- last-umbrella` runs it.

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

// ANCHOR: last_umbrella
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: last_umbrella
#[cfg_attr(test, lesson_kit::lane(customer))]
// ANCHOR: last_umbrella
async fn order(stock: Arc<Mutex<u32>>, customer: &str, payment_ms: u64) -> bool {
    // Reads the stock; the guard is a temporary, dropped at the `;`.
    let seen = *stock.lock().expect("not poisoned");
    if seen == 0 {
        say!("{customer}: sold out");
        return false;
    }
    say!("{customer}: {seen} in stock, paying");
    // The card payment; no lock is held while it runs.
    tokio::time::sleep(Duration::from_millis(payment_ms)).await;
    let mut stock = stock.lock().expect("not poisoned");
    *stock = seen - 1;
    say!("{customer}: paid, {} left", *stock);
    true
}

// ANCHOR_END: last_umbrella
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: last_umbrella
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: last_umbrella
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: last_umbrella
    let stock = Arc::new(Mutex::new(2));
    let mut orders = JoinSet::new();
    orders.spawn(order(Arc::clone(&stock), "alice", 1_000));
    orders.spawn(order(Arc::clone(&stock), "bob", 500));
    // Carol comes in later; the two orders run meanwhile.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    orders.spawn(order(Arc::clone(&stock), "carol", 500));
    let mut sold = 0;
    // Takes each order's result as it finishes.
    while let Some(done) = orders.join_next().await {
        sold += u32::from(done.expect("an order does not panic"));
    }
    say!("shop: {sold} umbrellas sold from a stock of 2");
}
// ANCHOR_END: last_umbrella

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
