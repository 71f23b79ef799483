//! `broadcast-prices`: one sender, two subscribers, and every subscriber
//! gets every price update; a slow subscriber that falls more than the
//! channel's capacity behind is told how many updates it missed.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- broadcast-prices`.

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

// ANCHOR: broadcast_prices
use std::time::Duration;

use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

// ANCHOR_END: broadcast_prices
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: broadcast_prices
async fn subscriber(name: &str, mut prices: broadcast::Receiver<u32>, pause: Duration) {
    loop {
        // Waits for the next update this subscriber has not seen yet.
        match prices.recv().await {
            Ok(price) => say!("{name}: price {price}"),
            Err(RecvError::Lagged(missed)) => {
                // The oldest updates were overwritten; `recv` goes on with
                // the oldest one still kept.
                say!("{name}: too slow, {missed} update(s) lost");
                continue;
            }
            Err(RecvError::Closed) => break,
        }
        // Handling an update takes this long; the thread is free meanwhile.
        tokio::time::sleep(pause).await;
    }
}

// ANCHOR_END: broadcast_prices
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: broadcast_prices
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: broadcast_prices
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: broadcast_prices
    // Each subscriber may be at most 2 updates behind.
    let (tx, _) = broadcast::channel(2);
    // Two subscriber tasks, each with its own receiver; they start when
    // `main` first waits.
    let ticker = tokio::spawn(subscriber("ticker", tx.subscribe(), Duration::ZERO));
    let report = tokio::spawn(subscriber(
        "report",
        tx.subscribe(),
        Duration::from_millis(600),
    ));
    for price in [100, 101, 103, 102, 105] {
        // Never waits: the value is stored once, for every subscriber.
        tx.send(price).expect("someone is subscribed");
        // Four updates a second; the subscribers run during this wait.
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // Closes the channel: each subscriber gets `Closed` after the rest.
    drop(tx);
    // Waits for both subscribers to finish.
    ticker.await.expect("the ticker does not panic");
    report.await.expect("the report does not panic");
}
// ANCHOR_END: broadcast_prices

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
