//! `combinators`: a pipeline over a stream of orders: `stream::iter`,
//! `filter`, `map` and `then`. Nothing runs until the stream is polled,
//! and `then` handles one order at a time.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-streams -- combinators`.

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

// ANCHOR: combinators
use std::time::Duration;

use futures::{StreamExt, future, stream};

struct Order {
    id: u32,
    cents: u64,
}

async fn charge(id: u32, cents: u64) -> String {
    say!("payments: charging order {id}");
    // The payment provider answers after 0.5 s; the thread is free.
    tokio::time::sleep(Duration::from_millis(500)).await;
    format!("receipt for order {id}: {cents} cents")
}

// ANCHOR_END: combinators
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: combinators
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: combinators
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: combinators
    let orders = vec![
        Order {
            id: 1,
            cents: 2_500,
        },
        Order { id: 2, cents: 300 },
        Order {
            id: 3,
            cents: 4_000,
        },
        Order {
            id: 4,
            cents: 1_200,
        },
    ];
    // Building the pipeline runs none of it: streams are lazy.
    let receipts = stream::iter(orders)
        // Keeps orders of 10 € or more; `filter` wants a future, so a
        // plain bool is wrapped in `future::ready`.
        .filter(|order| future::ready(order.cents >= 1_000))
        // A plain function on each item.
        .map(|order| (order.id, order.cents))
        // An async function on each item, awaited before the next item
        // is taken: one charge at a time.
        .then(|(id, cents)| charge(id, cents));
    say!("shop: pipeline built, nothing charged yet");
    // `for_each` drives the stream to its end, one receipt at a time.
    receipts
        .for_each(|receipt| async move { say!("shop: {receipt}") })
        .await;
}
// ANCHOR_END: combinators

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
