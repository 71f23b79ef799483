//! `broadcast-prices`: one sender, two subscribers, and every subscriber
//! gets every price update; a slow subscriber that falls more than the
//! channel's capacity behind is told how many updates it missed.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

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

pub async fn run() {
    // Each subscriber may be at most 2 updates behind.
    let (tx, _) = broadcast::channel(2);
    // Two subscriber tasks, each with its own receiver; they start when
    // `main` first waits.
    let ticker = tokio::spawn(subscriber("ticker", tx.subscribe(), Duration::ZERO).lane("ticker"));
    let report = tokio::spawn(
        subscriber("report", tx.subscribe(), Duration::from_millis(600)).lane("report"),
    );
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
