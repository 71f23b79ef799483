//! `buffered`: `map` to futures, then `buffered(3)`: three charges run at
//! once, but the results come out in the stream's order, so a fast charge
//! waits behind a slow one.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-streams -- buffered`.

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

// ANCHOR: buffered
use std::time::Duration;

use futures::{StreamExt, stream};

// ANCHOR_END: buffered
#[cfg_attr(test, lesson_kit::lane(format!("order {id}")))]
// ANCHOR: buffered
async fn charge(id: u32, millis: u64) -> u32 {
    say!("payments: charging order {id}");
    // Each provider answers at its own pace.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    say!("payments: order {id} charged");
    id
}

// ANCHOR_END: buffered
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: buffered
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: buffered
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: buffered
    let orders = [(1, 1_200), (2, 400), (3, 800), (4, 600)];
    let receipts = stream::iter(orders)
        // Only builds each charge's future; `buffered` will poll them.
        .map(|(id, millis)| charge(id, millis))
        // Up to 3 charges in progress; outputs in the orders' order.
        .buffered(3);
    // Each `.await` in `for_each` waits for the *next order in line*,
    // even when a later one is already done.
    receipts
        .for_each(|id| async move { say!("shop: receipt for order {id}") })
        .await;
}
// ANCHOR_END: buffered

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
