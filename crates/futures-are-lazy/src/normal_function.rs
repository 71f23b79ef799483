//! `normal-function`: the notebook's plain function. It blocks the thread
//! for 3 s between its two lines, and nothing else can run meanwhile.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-futures-are-lazy -- normal-function`.

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

// ANCHOR: normal_function
use std::time::Duration;

fn normal_function() {
    say!("Normal function started");
    // Blocks the whole thread for 3 s, like `time.sleep(3)`: while it
    // sleeps, everything else on this thread stops.
    thread::sleep(Duration::from_secs(3));
    say!("Normal function finished");
}

// ANCHOR_END: normal_function
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: normal_function
fn main() {
    // ANCHOR_END: normal_function
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: normal_function
    // A plain call runs the body at once, to the end, before returning.
    normal_function();
}
// ANCHOR_END: normal_function

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
