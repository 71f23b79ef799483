//! `coroutine`: the notebook's `Coroutine("Alice", 2)` as an `async fn`,
//! awaited at once: it starts, waits 2 s without blocking, and finishes.

use std::time::Duration;

use lesson_kit::say;

// ANCHOR: coroutine
// The notebook names it `Coroutine`; a Rust function is snake_case.
async fn coroutine(name: &str, delay: u64) {
    say!("Coroutine {name} started");
    // Pauses this future, not the thread: the runtime could run other
    // futures during these `delay` seconds.
    tokio::time::sleep(Duration::from_secs(delay)).await;
    say!("Coroutine {name} finished after {delay} seconds");
    say!("the name of the student is: {name}");
}

pub async fn run() {
    // `.await` runs the future to its end before `run` goes on.
    coroutine("Alice", 2).await;
}
// ANCHOR_END: coroutine
