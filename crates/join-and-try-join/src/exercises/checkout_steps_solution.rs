//! A solution of exercise `checkout-steps`: the two steps joined with
//! `try_join!`, which polls both at once and returns at the first `Err`,
//! dropping the step still running. (`futures::future::try_join` does the
//! same. `join!` would not do: it runs both at once, but waits for the
//! reservation after the card was declined.)

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
#[cfg_attr(test, lesson_kit::lane(format!("stock {order}")))]
// ANCHOR: checkout_steps_solution
async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("order {order}: reserving stock");
    // The warehouse answers in 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("order {order}: stock reserved");
    Ok(3)
}

// ANCHOR_END: checkout_steps_solution
#[cfg_attr(test, lesson_kit::lane(format!("payment {order}")))]
// ANCHOR: checkout_steps_solution
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
    // Both steps at once; the first `Err` ends the join and drops the
    // other step where it waits, so a declined card stops the reservation.
    let (items, cents) = tokio::try_join!(reserve_stock(order), charge_card(order, card))?;
    say!("order {order}: confirmed, {items} items, {cents} cents");
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
    for (order, card) in [(1, "visa"), (2, "expired")] {
        if let Err(e) = checkout(order, card).await {
            say!("order {order}: failed, {e}");
        }
    }
}
// ANCHOR_END: checkout_steps_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
