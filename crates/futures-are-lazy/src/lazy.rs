//! `lazy`: calling an `async fn` only builds a future; its body runs when
//! the future is awaited, not when the function is called.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-futures-are-lazy -- lazy`.

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

// ANCHOR: lazy
use std::time::Duration;

async fn coroutine(name: &str, delay: u64) {
    say!("Coroutine {name} started");
    // Pauses this future (not the thread) for `delay` seconds.
    tokio::time::sleep(Duration::from_secs(delay)).await;
    say!("Coroutine {name} finished after {delay} seconds");
    say!("the name of the student is: {name}");
}

// ANCHOR_END: lazy
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: lazy
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: lazy
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: lazy
    // Calling the async fn runs none of its body: it returns a future,
    // a value that holds the arguments and where to start.
    let alice = coroutine("Alice", 2);
    say!("future created, nothing printed yet");
    // Only now is the future polled: its first line prints, it waits its
    // 2 s, and `.await` returns when it is done.
    alice.await;
    say!("awaited: the future ran to its end");
}
// ANCHOR_END: lazy

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
