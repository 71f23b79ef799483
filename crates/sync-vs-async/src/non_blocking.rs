//! `non-blocking`: the same two tasks as `async fn`s, joined: while `task1`
//! waits on its timer, the runtime runs `task2`.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: non_blocking
async fn task1() {
    // `.await` hands the thread back to the runtime until the timer
    // fires, so other futures can run during these 3 s.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("Task 1 finished");
}

async fn task2() {
    say!("Task 2 finished");
}

pub async fn run() {
    // `join!` polls both futures on this one thread: when `task1` waits
    // on its timer, `task2` runs to the end; then `task1` resumes at 3 s.
    // (`.lane(..)` only names each future in the timeline below.)
    tokio::join!(task1().lane("task1"), task2().lane("task2"));
}
// ANCHOR_END: non_blocking
