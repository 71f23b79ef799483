//! `non-blocking`: the same two tasks as `async fn`s, joined: while `task1`
//! waits on its timer, the runtime runs `task2`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-sync-vs-async -- non-blocking`.

// ANCHOR: say
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
// ANCHOR_END: say

// ANCHOR: non_blocking
use std::time::Duration;

// ANCHOR_END: non_blocking
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: non_blocking
async fn task1() {
    // `.await` hands the thread back to the runtime until the timer
    // fires, so other futures can run during these 3 s.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("Task 1 finished");
}

// ANCHOR_END: non_blocking
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: non_blocking
async fn task2() {
    say!("Task 2 finished");
}

// ANCHOR_END: non_blocking
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: non_blocking
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: non_blocking
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: non_blocking
    // `join!` polls both futures on this one thread: when `task1` waits
    // on its timer, `task2` runs to the end; then `task1` resumes at 3 s.
    tokio::join!(task1(), task2());
}
// ANCHOR_END: non_blocking

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
