//! `sequential`: the notebook's two tasks, awaited one after the other:
//! `task_2` starts only when `task_1` is done, so the run takes 3 s.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: sequential
async fn task_1() {
    say!("Task 1 started");
    // Pauses task_1 for 2 s; the thread is free, but `run` is waiting
    // for task_1, so nothing else is there to run.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("Task 1 finished");
}

async fn task_2() {
    say!("Task 2 started");
    // Pauses task_2 for 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("Task 2 finished");
}

pub async fn run() {
    // "Go do task_1, and don't come back until it's done": task_2's
    // future is not even created until task_1 has finished.
    task_1().lane("task_1").await;
    task_2().lane("task_2").await;
    say!("done");
}
// ANCHOR_END: sequential
