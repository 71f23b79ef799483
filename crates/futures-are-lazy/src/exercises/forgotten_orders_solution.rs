//! A solution of exercise `forgotten-orders`: calling `place_order` only
//! builds each order's future; awaiting each one runs it, so the bakery
//! speaks after the supplier has confirmed all three. (Spawning each order
//! with `tokio::spawn` and awaiting the handles fixes it too, and places
//! the three at once, in 0.5 s instead of 1.5 s; spawning without awaiting
//! does not: `main` returns first, and the runtime drops the tasks.)

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

// ANCHOR: forgotten_orders_solution
use std::time::Duration;

// ANCHOR_END: forgotten_orders_solution
#[cfg_attr(test, lesson_kit::lane(item))]
// ANCHOR: forgotten_orders_solution
async fn place_order(item: &str) {
    say!("{item}: ordering from the supplier");
    // The supplier takes half a second to confirm.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("{item}: order placed");
}

// ANCHOR_END: forgotten_orders_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: forgotten_orders_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: forgotten_orders_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: forgotten_orders_solution
    // One supplier order per ingredient that is running low: three
    // futures, none of them started yet.
    let orders = ["flour", "sugar", "yeast"].map(place_order);
    let placed = orders.len();
    for order in orders {
        // Runs this order to its end: only now does the supplier hear of it.
        order.await;
    }
    say!("bakery: {placed} orders placed");
}
// ANCHOR_END: forgotten_orders_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
