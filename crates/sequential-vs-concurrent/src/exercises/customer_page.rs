//! Exercise `customer-page` (fix the bug): a shop's page for one customer
//! needs the customer (1 s to load), then their orders (2 s) and
//! recommendations (1.5 s), which both need the customer's name but not
//! each other. The page is ready only at `4.500s`: everything loads one
//! part after the other. Make the page ready as soon as its data allows,
//! at `3.000s`.
//!
//! Check your fix with `cargo xtask exercise customer-page`, which copies
//! this file to `exercises/customer-page.rs` for you to edit.

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

// ANCHOR: customer_page
use std::time::Duration;

// ANCHOR_END: customer_page
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: customer_page
async fn load_customer(id: u32) -> &'static str {
    say!("customer {id}: loading");
    // Each load is a query to another service, which takes its time.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("customer {id}: loaded");
    "Ada"
}

// ANCHOR_END: customer_page
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: customer_page
async fn load_orders(name: &str) -> u32 {
    say!("orders of {name}: loading");
    // The order history service takes 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("orders of {name}: loaded");
    3
}

// ANCHOR_END: customer_page
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: customer_page
async fn load_recommendations(name: &str) -> u32 {
    say!("recommendations for {name}: loading");
    // The recommendation service takes 1.5 s.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    say!("recommendations for {name}: loaded");
    5
}

// ANCHOR_END: customer_page
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: customer_page
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: customer_page
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: customer_page
    // The orders and the recommendations both need the customer's name.
    let name = load_customer(7).await;
    let orders = load_orders(name).await;
    let recommendations = load_recommendations(name).await;
    say!("page for {name}: {orders} orders, {recommendations} recommendations");
}
// ANCHOR_END: customer_page

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
