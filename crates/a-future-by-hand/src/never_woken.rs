//! `never-woken`: a future that answers `Pending` without arranging a
//! wake-up. Nothing will ever poll it again: it hangs, quietly, with no
//! error. It runs in a task of its own, and `main` waits for that task
//! with a 5 s timeout, a tripwire that ends the program and says so.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-future-by-hand -- never-woken`.

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

// ANCHOR: never_woken
use std::future::poll_fn;
use std::task::Poll;
use std::time::Duration;

// ANCHOR_END: never_woken
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: never_woken
async fn tracker() {
    let mut polls = 0;
    // The bug: `Pending`, and the waker in `_cx` is thrown away. No one
    // holds a way to wake this task any more.
    poll_fn(|_cx| {
        polls += 1;
        say!("tracker: poll #{polls} Pending, no wake-up arranged");
        Poll::<()>::Pending
    })
    .await;
    say!("tracker: parcel located");
}

// ANCHOR_END: never_woken
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: never_woken
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: never_woken
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: never_woken
    // A task of its own: `main`'s timer wakes `main`, never the tracker.
    // (Inline, inside the `timeout`, the tracker would share `main`'s task,
    // and be polled again when the timer fires at 5 s.)
    let mut tracking = tokio::spawn(tracker());
    // The tripwire: without it, this program would wait for ever.
    match tokio::time::timeout(Duration::from_secs(5), &mut tracking).await {
        Ok(_) => say!("main: tracked"),
        Err(_elapsed) => {
            say!("main: gave up: never woken");
            tracking.abort();
        }
    }
}
// ANCHOR_END: never_woken

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
