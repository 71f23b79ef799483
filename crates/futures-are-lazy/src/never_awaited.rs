//! `never-awaited`: a future that is dropped without being awaited never
//! runs; none of its lines print.

use std::time::Duration;

use lesson_kit::say;

async fn coroutine(name: &str, delay: u64) {
    say!("Coroutine {name} started");
    // Pauses this future (not the thread) for `delay` seconds.
    tokio::time::sleep(Duration::from_secs(delay)).await;
    say!("Coroutine {name} finished after {delay} seconds");
    say!("the name of the student is: {name}");
}

// ANCHOR: never_awaited
pub async fn run() {
    // The future is built and dropped at once, never polled, so none of
    // its body runs. (`drop` says that on purpose; a bare
    // `coroutine("Alice", 2);` would get the warning shown below.)
    drop(coroutine("Alice", 2));
    say!("main: done");
}
// ANCHOR_END: never_awaited
