//! Exercise `checkout-steps` (fix the bug): a checkout takes three steps
//! that do not depend on each other: the fraud screen clears the payment
//! (1 s), the warehouse holds the items (2 s), a courier is booked (3 s).
//! But it runs them one after the other. Make it run them at once, and give
//! up at the first failure: an order must be confirmed as soon as its
//! slowest step is done, and an order whose items are out of stock must fail
//! as soon as the warehouse says so, without going on to book its courier.
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
#[cfg_attr(test, lesson_kit::lane(format!("payment {order}")))]
// ANCHOR: checkout_steps
async fn screen_payment(order: u32) -> Result<(), String> {
    say!("order {order}: screening the payment");
    // The fraud screen answers in 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("order {order}: payment cleared");
    Ok(())
}

// ANCHOR_END: checkout_steps
#[cfg_attr(test, lesson_kit::lane(format!("stock {order}")))]
// ANCHOR: checkout_steps
async fn hold_items(order: u32, in_stock: bool) -> Result<u32, String> {
    say!("order {order}: holding the items");
    // The warehouse answers in 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    if !in_stock {
        return Err("out of stock".to_string());
    }
    say!("order {order}: items held");
    Ok(3)
}

// ANCHOR_END: checkout_steps
#[cfg_attr(test, lesson_kit::lane(format!("courier {order}")))]
// ANCHOR: checkout_steps
async fn book_courier(order: u32) -> Result<&'static str, String> {
    say!("order {order}: booking a courier");
    // The courier's office answers in 3 s.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("order {order}: courier booked");
    Ok("tuesday")
}

async fn checkout(order: u32, in_stock: bool) -> Result<(), String> {
    // Each `.await` waits for its step to finish before the next begins.
    screen_payment(order).await?;
    let items = hold_items(order, in_stock).await?;
    let day = book_courier(order).await?;
    say!("order {order}: confirmed, {items} items, delivery on {day}");
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
    for (order, in_stock) in [(1, true), (2, false)] {
        if let Err(e) = checkout(order, in_stock).await {
            say!("order {order}: failed, {e}");
        }
    }
    // The shop closes its till 3 s after the last order.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("shop: till closed");
}
// ANCHOR_END: checkout_steps

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
