//! `joined`: the notebook's "EXAMPLE # 1 of sequential async execution",
//! which uses `asyncio.gather`: that is concurrent. In Rust, `join!`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-sequential-vs-concurrent -- joined`.

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

// ANCHOR: joined
use std::time::Duration;

// ANCHOR_END: joined
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: joined
async fn task_1() {
    say!("Task 1 started");
    // Pauses task_1 for 2 s and gives the thread back to `join!`.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("Task 1 finished");
}

// ANCHOR_END: joined
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: joined
async fn task_2() {
    say!("Task 2 started");
    // Pauses task_2 for 1 s; both timers now run at the same time.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("Task 2 finished");
}

// ANCHOR_END: joined
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: joined
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: joined
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: joined
    // `join!` polls both futures, each time one of them is woken, until
    // both are done: their waits overlap, so the run takes 2 s, not 3.
    tokio::join!(task_1(), task_2());
    say!("done");
}
// ANCHOR_END: joined

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
