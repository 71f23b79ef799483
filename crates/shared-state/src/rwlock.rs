//! `rwlock`: a price list behind a `tokio::sync::RwLock`. Two dashboards
//! read it at the same time; an update must wait until they are done, and
//! a dashboard that asks after the update has queued waits behind it.

use std::sync::Arc;
use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::RwLock;

// ANCHOR: rwlock
async fn dashboard(prices: Arc<RwLock<Vec<u32>>>, name: &str, arrives: u64) {
    // Arrives this many milliseconds after the start.
    tokio::time::sleep(Duration::from_millis(arrives)).await;
    say!("{name}: wants to read");
    // Waits until no writer holds the lock *or waits for it* (fair, FIFO).
    let prices = prices.read().await;
    say!("{name}: reading {prices:?}");
    // Rendering takes 1 s, holding the read lock; other readers may too.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("{name}: done");
}

async fn update(prices: Arc<RwLock<Vec<u32>>>, arrives: u64) {
    // Arrives this many milliseconds after the start.
    tokio::time::sleep(Duration::from_millis(arrives)).await;
    say!("update: waiting for the write lock");
    // Waits until every reader has let go; new readers queue behind it.
    let mut prices = prices.write().await;
    prices.iter_mut().for_each(|p| *p += 1);
    say!("update: prices raised");
    // Writing takes 0.5 s, holding the write lock: nobody else gets in.
    tokio::time::sleep(Duration::from_millis(500)).await;
}

pub async fn run() {
    let prices = Arc::new(RwLock::new(vec![100, 250]));
    // Four tasks sharing the price list; each arrives at its own time.
    let tasks = [
        tokio::spawn(dashboard(Arc::clone(&prices), "sales", 0).lane("sales")),
        tokio::spawn(dashboard(Arc::clone(&prices), "stock", 0).lane("stock")),
        tokio::spawn(update(Arc::clone(&prices), 250).lane("update")),
        tokio::spawn(dashboard(Arc::clone(&prices), "audit", 500).lane("audit")),
    ];
    for task in tasks {
        // Waits for each task in turn.
        task.await.expect("no task panics");
    }
}
// ANCHOR_END: rwlock
