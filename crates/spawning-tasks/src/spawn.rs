//! `spawn`: `tokio::spawn` hands each order to the runtime as a task and
//! returns a `JoinHandle` at once. On this one thread the tasks start only
//! when `main` yields, at its first `.await`; then they run on their own,
//! whether or not anyone is awaiting their handle yet.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: spawn
async fn ship(order: u32, seconds: u64) -> String {
    say!("order {order}: packing");
    // Waits for the courier; the thread is free for other tasks meanwhile.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("order {order}: shipped");
    format!("tracking number T-{order}")
}

pub async fn run() {
    // `spawn` puts each future in the runtime's run queue as a task and
    // returns its handle: nothing of them has run yet, since `main` still
    // holds the only thread.
    let first = tokio::spawn(ship(1, 2).lane("order 1"));
    let second = tokio::spawn(ship(2, 1).lane("order 2"));
    say!("main: spawned two tasks");
    // Awaiting a handle waits for that task's return value. `main` is
    // pending here, so the runtime runs both tasks.
    let tracking = first.await.expect("the task does not panic");
    say!("main: order 1 returned {tracking}");
    // Order 2 finished at 1 s, before anyone awaited its handle: its value
    // was kept for us, and this `.await` is ready at once.
    let tracking = second.await.expect("the task does not panic");
    say!("main: order 2 returned {tracking}");
}
// ANCHOR_END: spawn
