//! `abort-blocking`: `abort()` on a `spawn_blocking` task whose closure
//! has started returns at once and changes nothing: the closure runs to
//! its end, and the runtime, shutting down when `main` returns, waits for
//! it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-blocking-the-runtime -- abort-blocking`.

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

// ANCHOR: abort_blocking
use std::sync::mpsc;
use std::time::Duration;

// ANCHOR_END: abort_blocking
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: abort_blocking
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: abort_blocking
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: abort_blocking
    let (started, has_started) = mpsc::channel();
    let (aborted, was_aborted) = mpsc::channel();
    let resize = tokio::task::spawn_blocking(move || {
        say!("resize: started");
        started.send(()).expect("main waits for it");
        // Waits until main has called `abort()`, so that the abort surely
        // comes while this closure runs.
        was_aborted.recv().expect("main says when it has aborted");
        // 1 s of blocking work; nothing can interrupt it.
        thread::sleep(Duration::from_secs(1));
        say!("resize: finished anyway");
    });
    // Waits, blocking this thread for the moment a pool thread takes to
    // start the closure, so that the abort below surely comes while it
    // runs. (Blocking here is harmless: nothing else runs on this runtime.)
    has_started.recv().expect("the closure starts");
    // Marks the task as cancelled and returns at once. An `async` task
    // would be dropped once its poll returns at a pending `.await`; this
    // closure has no `.await`, and runs on.
    resize.abort();
    say!("main: abort() returned; main returns");
    aborted.send(()).expect("the closure waits for it");
    // Returning drops the runtime, which waits for every started blocking
    // closure to end.
}
// ANCHOR_END: abort_blocking

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
