//! `timeout`: `tokio::time::timeout` gives a future a deadline. The primary
//! payment gateway hangs for 8 s; at exactly 5 s the timeout returns
//! `Err(Elapsed)` and drops the call, which never finishes, and the backup
//! gateway is tried instead.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-timeouts-and-intervals -- timeout`.

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

// ANCHOR: timeout
use std::time::Duration;

use tokio::time::timeout;

// ANCHOR_END: timeout
#[cfg_attr(test, lesson_kit::lane(gateway.trim_end_matches(" gateway")))]
// ANCHOR: timeout
async fn charge(gateway: &str, order: u32, seconds: u64) -> &'static str {
    say!("{gateway}: charging order {order}");
    // The gateway's answer takes `seconds`; a timeout that fires first
    // drops this future here, so the next line never runs.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{gateway}: approved");
    "approved"
}

// ANCHOR_END: timeout
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: timeout
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: timeout
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: timeout
    // `timeout` polls the call and a 5 s timer together, whichever comes
    // first: the call's output is `Ok(..)`, the timer is `Err(Elapsed)`.
    let primary = timeout(Duration::from_secs(5), charge("primary gateway", 42, 8));
    match primary.await {
        Ok(status) => say!("main: payment {status}"),
        Err(_elapsed) => say!("main: primary gateway timed out after 5 s"),
    }
    // The backup answers in 1 s, well within its own 5 s.
    let backup = timeout(Duration::from_secs(5), charge("backup gateway", 42, 1));
    match backup.await {
        Ok(status) => say!("main: payment {status}"),
        Err(_elapsed) => say!("main: backup gateway timed out after 5 s"),
    }
}
// ANCHOR_END: timeout

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
