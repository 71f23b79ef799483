//! `timeout-blocked`: a 1 s `timeout` around a future whose one poll
//! blocks the thread for 2 s. The timeout cannot interrupt the poll, and
//! since the future completed in it, `timeout` returns its value, 1 s
//! after the deadline.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-blocking-the-runtime -- timeout-blocked`.

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: timeout_blocked
use std::time::Duration;

/// 2 s of CPU-heavy, synchronous work; `thread::sleep` stands in for it.
fn resize(photo: &str) -> String {
    thread::sleep(Duration::from_secs(2));
    format!("thumb-{photo}")
}

// ANCHOR_END: timeout_blocked
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: timeout_blocked
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: timeout_blocked
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: timeout_blocked
    // The inner future has no `.await`: its first poll runs the whole
    // resize. The timeout's timer is looked at only after that poll.
    let thumbnail = async { resize("beach.jpg") };
    let result = tokio::time::timeout(Duration::from_secs(1), thumbnail).await;
    say!("timeout(1 s) around 2 s of blocking work: {result:?}");
}
// ANCHOR_END: timeout_blocked

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
