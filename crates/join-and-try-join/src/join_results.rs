//! `join-results`: `tokio::join!` over two fallible steps of a checkout.
//! The payment fails after 1 s, but `join!` waits for every branch, so the
//! stock reservation still runs to its end at 2 s and both results come
//! back, like `asyncio.gather(..., return_exceptions=True)`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-join-and-try-join -- join-results`.

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

// ANCHOR: join_results
use std::time::Duration;

// ANCHOR_END: join_results
#[cfg_attr(test, lesson_kit::lane("payment"))]
// ANCHOR: join_results
async fn charge_card(order: u32) -> Result<u32, String> {
    say!("payment: charging the card for order {order}");
    // Waits 1 s for the bank's answer, handing the thread back meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("payment: card declined");
    Err("card declined".to_string())
}

// ANCHOR_END: join_results
#[cfg_attr(test, lesson_kit::lane("stock"))]
// ANCHOR: join_results
async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("stock: reserving 3 items for order {order}");
    // Waits 2 s for the warehouse.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("stock: 3 items reserved");
    Ok(3)
}

fn describe(result: &Result<u32, String>) -> String {
    match result {
        Ok(n) => format!("ok ({n})"),
        Err(e) => format!("failed ({e})"),
    }
}

// ANCHOR_END: join_results
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_results
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_results
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_results
    // `join!` polls both futures until *both* are done. A future that
    // returns `Err` is just done: `join!` does not look inside the result,
    // so the other branch goes on.
    let (payment, stock) = tokio::join!(charge_card(42), reserve_stock(42));
    say!("payment {}, stock {}", describe(&payment), describe(&stock));
}
// ANCHOR_END: join_results

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
