//! `join-all-unconstrained`: `join-all` with tokio's cooperative budget
//! switched off for the joined future (`tokio::task::unconstrained`), which
//! makes it linear again on `current_thread`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-million-tasks -- join-all-unconstrained`.
//! The benchmark (`src/bin/scale.rs`) calls its `requests` with up to a
//! million requests of 1 s, on a `current_thread` runtime.

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

// ANCHOR: join_all_unconstrained
use std::time::Duration;

use futures::future::join_all;

async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

pub async fn requests(n: usize, wait: Duration) {
    // The same join, exempt from the runtime's budget of 128 operations
    // per poll: each poll of the join can finish every ready request.
    let all = join_all((0..n).map(|_| request(wait)));
    tokio::task::unconstrained(all).await;
}

// ANCHOR_END: join_all_unconstrained
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_all_unconstrained
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_all_unconstrained
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_all_unconstrained
    let n = 1000;
    // Requests that each take 1 s to answer.
    requests(n, Duration::from_secs(1)).await;
    say!("{n} requests done");
}
// ANCHOR_END: join_all_unconstrained

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
