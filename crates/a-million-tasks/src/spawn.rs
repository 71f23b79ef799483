//! `spawn`: N requests, each its own task (`tokio::spawn`) that waits 1 s,
//! then joined one by one, on a `current_thread` runtime.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-million-tasks -- spawn`. The benchmark
//! (`src/bin/scale.rs`) calls its `requests` with up to a million
//! requests of 1 s, on a `current_thread` runtime.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// ANCHOR: spawn
use std::time::Duration;

async fn request(wait: Duration) {
    // Stands for a call to another service that answers after `wait`.
    tokio::time::sleep(wait).await;
}

/// `n` requests at once (`pub`: the lesson's benchmark calls it too,
/// with up to a million).
pub async fn requests(n: usize, wait: Duration) {
    // One task per request: the runtime schedules each one on its own.
    let handles: Vec<_> = (0..n).map(|_| tokio::spawn(request(wait))).collect();
    for handle in handles {
        handle.await.expect("a request panicked");
    }
}

// ANCHOR_END: spawn
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawn
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: spawn
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawn
    let n = 1000;
    // Requests that each take 1 s to answer.
    requests(n, Duration::from_secs(1)).await;
    say!("{n} requests done");
}
// ANCHOR_END: spawn

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
