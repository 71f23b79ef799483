//! `lazy`: calling an `async fn` only builds a future; its body runs when
//! the future is awaited, not when the function is called.

use std::time::Duration;

use lesson_kit::say;

async fn coroutine(name: &str, delay: u64) {
    say!("Coroutine {name} started");
    // Pauses this future (not the thread) for `delay` seconds.
    tokio::time::sleep(Duration::from_secs(delay)).await;
    say!("Coroutine {name} finished after {delay} seconds");
    say!("the name of the student is: {name}");
}

// ANCHOR: lazy
pub async fn run() {
    // Calling the async fn runs none of its body: it returns a future,
    // a value that holds the arguments and where to start.
    let alice = coroutine("Alice", 2);
    say!("future created, nothing printed yet");
    // Only now is the future polled: its first line prints, it waits its
    // 2 s, and `.await` returns when it is done.
    alice.await;
    say!("awaited: the future ran to its end");
}
// ANCHOR_END: lazy
