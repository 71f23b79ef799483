//! `backpressure`: a bounded channel of 2 orders between a fast producer
//! (the web shop) and a slow consumer (packing, 0.5 s per order): once the
//! buffer is full, `send().await` waits, and the producer slows down to
//! the consumer's pace.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- backpressure`.

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

// ANCHOR: backpressure
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: backpressure
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: backpressure
async fn shop(orders: mpsc::Sender<u32>) {
    for order in 1..=5 {
        // Waits for a free slot when the buffer already holds 2 orders:
        // that wait is the backpressure.
        orders.send(order).await.expect("packing is still running");
        say!("shop: order {order} queued");
    }
    say!("shop: all orders queued");
    // `orders` is dropped here: the channel closes once it is empty.
}

// ANCHOR_END: backpressure
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: backpressure
async fn packing(mut orders: mpsc::Receiver<u32>) {
    // Taking an order out frees its slot, which wakes a waiting sender.
    while let Some(order) = orders.recv().await {
        say!("packing: order {order}");
        // Packing takes 0.5 s; the thread is free meanwhile.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    say!("packing: no more orders");
}

// ANCHOR_END: backpressure
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: backpressure
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: backpressure
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: backpressure
    // Room for 2 orders waiting between the shop and packing.
    let (tx, rx) = mpsc::channel(2);
    // Two tasks; on this one thread they take turns at their `.await`s.
    let shop = tokio::spawn(shop(tx));
    let packing = tokio::spawn(packing(rx));
    // Waits for both tasks to end.
    shop.await.expect("the shop does not panic");
    packing.await.expect("packing does not panic");
}
// ANCHOR_END: backpressure

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
