//! `join-all-multi-thread`: the `join-all` program run by a `multi_thread`
//! runtime's `block_on`, where it is linear again (see the chapter).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-million-tasks -- join-all-multi-thread`.
//! The benchmark (`src/bin/scale.rs`) calls its `requests` with up to a
//! million requests of 1 s, on a `multi_thread` runtime built the same way.

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

// ANCHOR: join_all_multi_thread
use std::time::Duration;

use futures::future::join_all;
use tokio::runtime::Builder;

async fn request(wait: Duration) {
    tokio::time::sleep(wait).await;
}

pub async fn requests(n: usize, wait: Duration) {
    join_all((0..n).map(|_| request(wait))).await;
}

// ANCHOR_END: join_all_multi_thread
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_all_multi_thread
fn main() {
    // ANCHOR_END: join_all_multi_thread
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_all_multi_thread
    let runtime = Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a multi_thread runtime builds");
    let n = 1000;
    // The join runs on this thread, outside the workers. 1 ms waits: this
    // runs on real time, and prints only the count; the benchmark times
    // `requests` with 1 s waits.
    runtime.block_on(requests(n, Duration::from_millis(1)));
    say!("{n} requests done");
}
// ANCHOR_END: join_all_multi_thread

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
