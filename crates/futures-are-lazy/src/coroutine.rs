//! `coroutine`: the notebook's `Coroutine("Alice", 2)` as an `async fn`,
//! awaited at once: it starts, waits 2 s without blocking, and finishes.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-futures-are-lazy -- coroutine`.

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

// ANCHOR: coroutine
use std::time::Duration;

// The notebook names it `Coroutine`; a Rust function is snake_case.
async fn coroutine(name: &str, delay: u64) {
    say!("Coroutine {name} started");
    // Pauses this future, not the thread: the runtime could run other
    // futures during these `delay` seconds.
    tokio::time::sleep(Duration::from_secs(delay)).await;
    say!("Coroutine {name} finished after {delay} seconds");
    say!("the name of the student is: {name}");
}

// ANCHOR_END: coroutine
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: coroutine
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: coroutine
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: coroutine
    // `.await` runs the future to its end before `main` goes on.
    coroutine("Alice", 2).await;
}
// ANCHOR_END: coroutine

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
