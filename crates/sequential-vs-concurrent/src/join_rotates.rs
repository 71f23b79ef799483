//! `join-rotates`: `join!` does not always poll its first future first.
//! Each time it is polled, it starts with the next branch in turn; with
//! `biased;` it always starts with the first. Two futures woken at the same
//! instants show the order.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-sequential-vs-concurrent -- join-rotates`.

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

// ANCHOR: join_rotates
use std::time::Duration;
use tokio::time::{Instant, sleep_until};

// ANCHOR_END: join_rotates
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: join_rotates
async fn task(name: &str, start: Instant) {
    for round in 1..=2 {
        say!("{name}: polled, round {round}");
        // Both tasks wait for the same instant, so one timer tick wakes
        // both, and `join!` finds both ready on its next poll.
        sleep_until(start + Duration::from_secs(round)).await;
    }
    say!("{name}: polled, done");
}

// ANCHOR_END: join_rotates
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_rotates
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_rotates
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_rotates
    // Each time `join!` is polled, it starts with the next branch in turn:
    // task 1 on its first poll, task 2 on its second, task 1 on its third.
    let start = Instant::now();
    tokio::join!(task("task 1", start), task("task 2", start));

    say!("main: the same with `biased;`");
    // `biased;` polls the branches in the order written, every time.
    let start = Instant::now();
    tokio::join!(biased; task("task 1", start), task("task 2", start));
}
// ANCHOR_END: join_rotates

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
