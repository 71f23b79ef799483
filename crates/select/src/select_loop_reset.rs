//! `select-loop-reset`: the same loop with the classic bug: the closing
//! timer is created *inside* the `select!`, so every turn of the loop
//! starts a new 3.5 s timer. While orders keep coming, it never fires;
//! the shop closes 3.5 s after the last order, at 8.5 s.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::mpsc;

// ANCHOR: select_loop_reset
async fn customers(orders: mpsc::Sender<u32>) {
    for order in 1..=5 {
        // One new order every second.
        tokio::time::sleep(Duration::from_secs(1)).await;
        if orders.send(order).await.is_err() {
            return;
        }
    }
    // Dropping the last sender closes the channel: `recv()` returns None.
}

pub async fn run() {
    let (sender, mut orders) = mpsc::channel(8);
    tokio::spawn(customers(sender).lane("customers"));
    loop {
        // BUG: `sleep(..)` here builds a new timer on every turn, and the
        // old one is dropped with the `select!` that lost it.
        tokio::select! {
            Some(order) = orders.recv() => say!("main: order {order} received"),
            () = tokio::time::sleep(Duration::from_millis(3500)) => {
                say!("main: closing time");
                break;
            }
        }
    }
}
// ANCHOR_END: select_loop_reset
