//! `buffered`: `map` to futures, then `buffered(3)`: three charges run at
//! once, but the results come out in the stream's order, so a fast charge
//! waits behind a slow one.

use std::time::Duration;

use futures::{StreamExt, stream};
use lesson_kit::{Lane, say};

// ANCHOR: buffered
async fn charge(id: u32, millis: u64) -> u32 {
    say!("payments: charging order {id}");
    // Each provider answers at its own pace.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    say!("payments: order {id} charged");
    id
}

pub async fn run() {
    let orders = [(1, 1_200), (2, 400), (3, 800), (4, 600)];
    let receipts = stream::iter(orders)
        // Only builds each charge's future; `buffered` will poll them.
        .map(|(id, millis)| charge(id, millis).lane(format!("order {id}")))
        // Up to 3 charges in progress; outputs in the orders' order.
        .buffered(3);
    // Each `.await` in `for_each` waits for the *next order in line*,
    // even when a later one is already done.
    receipts
        .for_each(|id| async move { say!("shop: receipt for order {id}") })
        .await;
}
// ANCHOR_END: buffered
