//! A solution of exercise `checkout-steps`: the three steps joined with
//! `try_join!`, which polls them at once and returns at the first `Err`,
//! dropping the steps still running. (`join!` would not do: it runs them at
//! once, but waits for the courier after the warehouse said no. Nor would
//! spawning each step and `try_join!`-ing the handles: the spawned courier
//! step would run on, and book a courier at `6.000s`, while the till is
//! still open.)

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

// ANCHOR: checkout_steps_solution
use std::time::Duration;

// ANCHOR_END: checkout_steps_solution
#[cfg_attr(test, lesson_kit::lane(format!("payment {order}")))]
// ANCHOR: checkout_steps_solution
async fn screen_payment(order: u32) -> Result<(), String> {
    say!("order {order}: screening the payment");
    // The fraud screen answers in 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("order {order}: payment cleared");
    Ok(())
}

// ANCHOR_END: checkout_steps_solution
#[cfg_attr(test, lesson_kit::lane(format!("stock {order}")))]
// ANCHOR: checkout_steps_solution
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

// ANCHOR_END: checkout_steps_solution
#[cfg_attr(test, lesson_kit::lane(format!("courier {order}")))]
// ANCHOR: checkout_steps_solution
async fn book_courier(order: u32) -> Result<&'static str, String> {
    say!("order {order}: booking a courier");
    // The courier's office answers in 3 s.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("order {order}: courier booked");
    Ok("tuesday")
}

async fn checkout(order: u32, in_stock: bool) -> Result<(), String> {
    // The three steps at once; the first `Err` ends the join and drops
    // the steps still waiting, so "out of stock" stops the courier booking.
    // A step already done stays done: the payment cleared at 1 s.
    let ((), items, day) = tokio::try_join!(
        screen_payment(order),
        hold_items(order, in_stock),
        book_courier(order),
    )?;
    say!("order {order}: confirmed, {items} items, delivery on {day}");
    Ok(())
}

// ANCHOR_END: checkout_steps_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: checkout_steps_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: checkout_steps_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: checkout_steps_solution
    for (order, in_stock) in [(1, true), (2, false)] {
        if let Err(e) = checkout(order, in_stock).await {
            say!("order {order}: failed, {e}");
        }
    }
    // The shop closes its till 3 s after the last order.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("shop: till closed");
}
// ANCHOR_END: checkout_steps_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
