//! `blocking`: two plain functions, one after the other; the first blocks
//! the thread for 3 s, so the second can only start after it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-sync-vs-async -- blocking`.

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

// ANCHOR: blocking
use std::time::Duration;

// ANCHOR_END: blocking
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: blocking
fn task1() {
    // Blocks this thread for 3 s, like Python's `time.sleep(3)`:
    // nothing else can run on it meanwhile.
    thread::sleep(Duration::from_secs(3));
    say!("Task 1 finished");
}

// ANCHOR_END: blocking
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: blocking
fn task2() {
    say!("Task 2 finished");
}

// ANCHOR_END: blocking
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: blocking
fn main() {
    // ANCHOR_END: blocking
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: blocking
    task1(); // returns only after its 3 s
    task2();
}
// ANCHOR_END: blocking

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
