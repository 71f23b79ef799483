//! `never-awaited`: a future that is dropped without being awaited never
//! runs; none of its lines print.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-futures-are-lazy -- never-awaited`.

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

// ANCHOR: never_awaited
use std::time::Duration;

async fn coroutine(name: &str, delay: u64) {
    say!("Coroutine {name} started");
    // Pauses this future (not the thread) for `delay` seconds.
    tokio::time::sleep(Duration::from_secs(delay)).await;
    say!("Coroutine {name} finished after {delay} seconds");
    say!("the name of the student is: {name}");
}

// ANCHOR_END: never_awaited
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: never_awaited
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: never_awaited
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: never_awaited
    // The future is built and dropped at once, never polled, so none of
    // its body runs. (`drop` says that on purpose; a bare
    // `coroutine("Alice", 2);` would get the warning shown below.)
    drop(coroutine("Alice", 2));
    say!("main: done");
}
// ANCHOR_END: never_awaited

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
