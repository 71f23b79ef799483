//! `sequential`: the notebook's two tasks, awaited one after the other:
//! `task_2` starts only when `task_1` is done, so the run takes 3 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-sequential-vs-concurrent -- sequential`.

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

// ANCHOR: sequential
use std::time::Duration;

// ANCHOR_END: sequential
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sequential
async fn task_1() {
    say!("Task 1 started");
    // Pauses task_1 for 2 s; the thread is free, but `main` is waiting
    // for task_1, so nothing else is there to run.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("Task 1 finished");
}

// ANCHOR_END: sequential
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sequential
async fn task_2() {
    say!("Task 2 started");
    // Pauses task_2 for 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("Task 2 finished");
}

// ANCHOR_END: sequential
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: sequential
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: sequential
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: sequential
    // "Go do task_1, and don't come back until it's done": task_2's
    // future is not even created until task_1 has finished.
    task_1().await;
    task_2().await;
    say!("done");
}
// ANCHOR_END: sequential

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
