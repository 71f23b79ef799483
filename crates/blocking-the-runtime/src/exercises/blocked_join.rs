//! Exercise `blocked-join` (predict the output): three futures joined in
//! one task, and one of them makes a thumbnail with blocking code. Write
//! down what it prints, in order, with the time of each line, before you
//! run it: `cargo xtask exercise blocked-join` checks your prediction, and
//! `cargo run -p lesson-blocking-the-runtime -- blocked-join` runs it.

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

// ANCHOR: blocked_join
use std::time::Duration;

use tokio::time::Sleep;

/// 2 s of CPU-heavy, synchronous work; `thread::sleep` stands in for it.
fn resize(photo: &str) -> String {
    thread::sleep(Duration::from_secs(2));
    format!("thumb-{photo}")
}

// ANCHOR_END: blocked_join
#[cfg_attr(test, lesson_kit::lane("thumbnail"))]
// ANCHOR: blocked_join
async fn make_thumbnail(photo: &str) {
    say!("thumbnail: resizing {photo}");
    let thumbnail = resize(photo);
    say!("thumbnail: {thumbnail} ready");
}

// ANCHOR_END: blocked_join
#[cfg_attr(test, lesson_kit::lane(service))]
// ANCHOR: blocked_join
async fn ping(service: &str) {
    say!("{service}: ping sent");
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("{service}: pong");
}

// ANCHOR_END: blocked_join
#[cfg_attr(test, lesson_kit::lane("alarm"))]
// ANCHOR: blocked_join
async fn alarm(timer: Sleep) {
    timer.await;
    say!("alarm: rang");
}

// ANCHOR_END: blocked_join
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: blocked_join
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: blocked_join
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: blocked_join
    let timer = tokio::time::sleep(Duration::from_secs(1));
    tokio::join!(make_thumbnail("beach.jpg"), ping("gateway"), alarm(timer));
    say!("main: all three done");
}
// ANCHOR_END: blocked_join

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
