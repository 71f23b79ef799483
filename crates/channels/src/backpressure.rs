//! `backpressure`: a bounded channel of 2 orders between a fast producer
//! (the web shop) and a slow consumer (packing, 0.5 s per order): once the
//! buffer is full, `send().await` waits, and the producer slows down to
//! the consumer's pace.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::mpsc;

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

async fn packing(mut orders: mpsc::Receiver<u32>) {
    // Taking an order out frees its slot, which wakes a waiting sender.
    while let Some(order) = orders.recv().await {
        say!("packing: order {order}");
        // Packing takes 0.5 s; the thread is free meanwhile.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    say!("packing: no more orders");
}

pub async fn run() {
    // Room for 2 orders waiting between the shop and packing.
    let (tx, rx) = mpsc::channel(2);
    // Two tasks; on this one thread they take turns at their `.await`s.
    let shop = tokio::spawn(shop(tx).lane("shop"));
    let packing = tokio::spawn(packing(rx).lane("packing"));
    // Waits for both tasks to end.
    shop.await.expect("the shop does not panic");
    packing.await.expect("packing does not panic");
}
// ANCHOR_END: backpressure
