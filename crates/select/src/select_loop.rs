//! `select-loop`: `select!` in a loop takes orders from a channel until
//! closing time. The closing timer is created once, before the loop, and
//! polled by reference, so every turn of the loop races the *same*
//! deadline: the shop closes at 3.5 s, whatever arrives meanwhile.

use std::pin::pin;
use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::mpsc;

// ANCHOR: select_loop
async fn customers(orders: mpsc::Sender<u32>) {
    for order in 1..=5 {
        // One new order every second.
        tokio::time::sleep(Duration::from_secs(1)).await;
        if orders.send(order).await.is_err() {
            return; // the shop has closed: nobody receives any more
        }
    }
}

pub async fn run() {
    let (sender, mut orders) = mpsc::channel(8);
    // The customers run as their own task, sending into the channel.
    tokio::spawn(customers(sender).lane("customers"));
    // One timer for the whole loop, pinned so that `&mut closing` can be
    // polled again and again without being consumed.
    let mut closing = pin!(tokio::time::sleep(Duration::from_millis(3500)));
    loop {
        // Each turn waits for whichever comes first: an order or closing
        // time. `recv()` is cancel safe: when the timer wins, no order is
        // lost, it stays in the channel.
        tokio::select! {
            Some(order) = orders.recv() => say!("main: order {order} received"),
            () = &mut closing => {
                say!("main: closing time");
                break;
            }
        }
    }
}
// ANCHOR_END: select_loop
