//! `interleaved`: the same readings, with the sender and the receiver as
//! two futures joined: the receiver is polled while the sender pauses, so
//! each reading arrives as soon as it is sent.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::mpsc;

// ANCHOR: interleaved
pub async fn run() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let sensor = async move {
        for reading in ["12.5 °C", "12.7 °C", "13.1 °C"] {
            say!("sensor: sent {reading}");
            tx.send(reading).expect("the receiver is still alive");
            // Gives the thread back for 0.5 s: `join!` polls the display now.
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        // `tx` is dropped here: the channel closes.
    };
    let display = async move {
        // Pending while the channel is empty; the sender's `send` wakes it.
        while let Some(reading) = rx.recv().await {
            say!("display: got {reading}");
        }
    };
    // Polls both futures on this thread, each time one of them is woken.
    tokio::join!(sensor.lane("sensor"), display.lane("display"));
}
// ANCHOR_END: interleaved
