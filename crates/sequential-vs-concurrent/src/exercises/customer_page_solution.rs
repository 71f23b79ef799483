//! A solution of exercise `customer-page`: the customer is awaited first,
//! since both other parts need its name; then the orders and the
//! recommendations are joined, so that their waits overlap. (Spawning the
//! two as tasks and awaiting both handles fixes it too; joining all three
//! does not compile, since the other two need the name the first returns.)

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

// ANCHOR: customer_page_solution
use std::time::Duration;

// ANCHOR_END: customer_page_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: customer_page_solution
async fn load_customer(id: u32) -> &'static str {
    say!("customer {id}: loading");
    // Each load is a query to another service, which takes its time.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("customer {id}: loaded");
    "Ada"
}

// ANCHOR_END: customer_page_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: customer_page_solution
async fn load_orders(name: &str) -> u32 {
    say!("orders of {name}: loading");
    // The order history service takes 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("orders of {name}: loaded");
    3
}

// ANCHOR_END: customer_page_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: customer_page_solution
async fn load_recommendations(name: &str) -> u32 {
    say!("recommendations for {name}: loading");
    // The recommendation service takes 1.5 s.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    say!("recommendations for {name}: loaded");
    5
}

// ANCHOR_END: customer_page_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: customer_page_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: customer_page_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: customer_page_solution
    // The orders and the recommendations both need the customer's name,
    // so the customer comes first.
    let name = load_customer(7).await;
    // They do not need each other: `join!` polls both, so their waits
    // overlap, and it returns when the slower one is done.
    let (orders, recommendations) = tokio::join!(load_orders(name), load_recommendations(name));
    say!("page for {name}: {orders} orders, {recommendations} recommendations");
}
// ANCHOR_END: customer_page_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
