//! `join-all`: the same N requests as plain futures, not tasks, joined by
//! `futures::future::join_all` on a `current_thread` runtime. Fine for a
//! thousand; quadratic for a million (see the chapter).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-million-tasks -- join-all`. The benchmark
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

// ANCHOR: join_all
use std::time::Duration;

use futures::future::join_all;

async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

pub async fn requests(n: usize, wait: Duration) {
    // No tasks: one future that polls all `n` futures itself.
    join_all((0..n).map(|_| request(wait))).await;
}

// ANCHOR_END: join_all
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_all
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_all
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_all
    let n = 1000;
    // Requests that each take 1 s to answer.
    requests(n, Duration::from_secs(1)).await;
    say!("{n} requests done");
}
// ANCHOR_END: join_all

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
