//! `all-at-once`: the Rust book's puzzle (chapter 17): readings are sent
//! with a pause between them, yet they are all received at the end, at
//! once, because sending and receiving are in one future, one after the
//! other.

use std::time::Duration;

use lesson_kit::say;
use tokio::sync::mpsc;

// ANCHOR: all_at_once
pub async fn run() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let readings = ["12.5 °C", "12.7 °C", "13.1 °C"];
    for reading in readings {
        say!("sensor: sent {reading}");
        tx.send(reading).expect("the receiver is still alive");
        // Pauses this future for 0.5 s; nothing in it receives meanwhile.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // Closes the channel, so that `recv` returns `None` once it is empty.
    drop(tx);
    // Only now, 1.5 s in, does this future start receiving: every reading is
    // waiting in the channel, so each `recv().await` is ready at once.
    while let Some(reading) = rx.recv().await {
        say!("display: got {reading}");
    }
}
// ANCHOR_END: all_at_once
