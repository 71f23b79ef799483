//! `joined`: the notebook's "EXAMPLE # 1 of sequential async execution",
//! which uses `asyncio.gather`: that is concurrent. In Rust, `join!`.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: joined
async fn task_1() {
    say!("Task 1 started");
    // Pauses task_1 for 2 s and gives the thread back to `join!`.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("Task 1 finished");
}

async fn task_2() {
    say!("Task 2 started");
    // Pauses task_2 for 1 s; both timers now run at the same time.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("Task 2 finished");
}

pub async fn run() {
    // `join!` polls both futures, each time one of them is woken, until
    // both are done: their waits overlap, so the run takes 2 s, not 3.
    tokio::join!(task_1().lane("task_1"), task_2().lane("task_2"));
    say!("done");
}
// ANCHOR_END: joined
