//! Exercise `forgotten-orders` (fix the bug): the bakery restocks three
//! ingredients, one supplier order each, and the supplier takes 0.5 s to
//! confirm an order. The program says `bakery: 3 orders placed`, but the
//! supplier never hears of any of them. Make every order really be placed
//! (each prints its `order placed` line) before the bakery says so.
//!
//! Check your fix with `cargo xtask exercise forgotten-orders`, which
//! copies this file to `exercises/forgotten-orders.rs` for you to edit.

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

// ANCHOR: forgotten_orders
use std::time::Duration;

// ANCHOR_END: forgotten_orders
#[cfg_attr(test, lesson_kit::lane(item))]
// ANCHOR: forgotten_orders
async fn place_order(item: &str) {
    say!("{item}: ordering from the supplier");
    // The supplier takes half a second to confirm.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("{item}: order placed");
}

// ANCHOR_END: forgotten_orders
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: forgotten_orders
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: forgotten_orders
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: forgotten_orders
    // One supplier order per ingredient that is running low.
    let orders = ["flour", "sugar", "yeast"].map(place_order);
    say!("bakery: {} orders placed", orders.len());
}
// ANCHOR_END: forgotten_orders

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
