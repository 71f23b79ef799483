//! Exercise `checkout-steps` (fix the bug): a checkout reserves the stock
//! (2 s) and charges the card (1 s), two steps that do not depend on each
//! other, but it runs them one after the other. Make it run them at once,
//! and give up at the first failure: an order must be confirmed as soon as
//! its slower step is done, and an order whose card is declined must fail
//! as soon as the bank says so, without finishing its stock reservation.
//!
//! Check your fix with `cargo xtask exercise checkout-steps`, which copies
//! this file to `exercises/checkout-steps.rs` for you to edit.

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

// ANCHOR: checkout_steps
use std::time::Duration;

// ANCHOR_END: checkout_steps
#[cfg_attr(test, lesson_kit::lane(format!("stock {order}")))]
// ANCHOR: checkout_steps
async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("order {order}: reserving stock");
    // The warehouse answers in 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("order {order}: stock reserved");
    Ok(3)
}

// ANCHOR_END: checkout_steps
#[cfg_attr(test, lesson_kit::lane(format!("payment {order}")))]
// ANCHOR: checkout_steps
async fn charge_card(order: u32, card: &str) -> Result<u32, String> {
    say!("order {order}: charging the card");
    // The bank answers in 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    if card == "expired" {
        return Err("card declined".to_string());
    }
    say!("order {order}: card charged");
    Ok(4999)
}

async fn checkout(order: u32, card: &str) -> Result<(), String> {
    // Each `.await` waits for its step to finish before the next begins.
    let items = reserve_stock(order).await?;
    let cents = charge_card(order, card).await?;
    say!("order {order}: confirmed, {items} items, {cents} cents");
    Ok(())
}

// ANCHOR_END: checkout_steps
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: checkout_steps
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: checkout_steps
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: checkout_steps
    for (order, card) in [(1, "visa"), (2, "expired")] {
        if let Err(e) = checkout(order, card).await {
            say!("order {order}: failed, {e}");
        }
    }
}
// ANCHOR_END: checkout_steps

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
