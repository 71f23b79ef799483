//! `poll-fn-timer`: `std::future::poll_fn` makes a future out of a
//! closure, called at each poll with the poll's `Context`. Here the
//! closure polls a tokio `Sleep` and passes the `Context` down: the timer
//! keeps its waker, and calls it when it fires. That is what an `.await`
//! inside an `async fn` does too. Each poll prints its number.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-future-by-hand -- poll-fn-timer`.

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

// ANCHOR: poll_fn_timer
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

// ANCHOR_END: poll_fn_timer
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: poll_fn_timer
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: poll_fn_timer
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: poll_fn_timer
    // A `Sleep` must be pinned to be polled: `pin!` pins it on the stack.
    let mut kettle = pin!(tokio::time::sleep(Duration::from_secs(3)));
    let mut polls = 0;
    poll_fn(|cx| {
        polls += 1;
        // Hands this poll's `Context` to the timer: on `Pending`, the timer
        // has kept `cx`'s waker and will call it when it fires.
        match kettle.as_mut().poll(cx) {
            Poll::Pending => {
                say!("kettle: poll #{polls} Pending");
                Poll::Pending
            }
            Poll::Ready(()) => {
                say!("kettle: poll #{polls} Ready");
                Poll::Ready(())
            }
        }
    })
    .await;
    say!("main: tea's up");
}
// ANCHOR_END: poll_fn_timer

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
