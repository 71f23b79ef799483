//! `timeout-at-deadline`: a call that becomes ready at the very instant of
//! its deadline is not timed out. `timeout`'s poll polls the inner future
//! first and looks at its timer only if that future is still pending, so
//! the gateway that answers at 5 s sharp is `Ok`; one that answers 0.1 s
//! later is `Err(Elapsed)`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-timeouts-and-intervals -- timeout-at-deadline`.

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

// ANCHOR: timeout_at_deadline
use std::time::Duration;

use tokio::time::{Instant, sleep_until, timeout_at};

// ANCHOR_END: timeout_at_deadline
#[cfg_attr(test, lesson_kit::lane(gateway.trim_end_matches(" gateway")))]
// ANCHOR: timeout_at_deadline
async fn charge(gateway: &str, answers_at: Instant) -> &'static str {
    say!("{gateway}: charging");
    // Waits for a fixed instant, so that the answer and the deadline can
    // fall on exactly the same one.
    sleep_until(answers_at).await;
    say!("{gateway}: approved");
    "approved"
}

// ANCHOR_END: timeout_at_deadline
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: timeout_at_deadline
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: timeout_at_deadline
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: timeout_at_deadline
    // The primary gateway answers at the deadline itself: both timers
    // fire at the same instant.
    let deadline = Instant::now() + Duration::from_secs(5);
    match timeout_at(deadline, charge("primary gateway", deadline)).await {
        Ok(status) => say!("main: payment {status}, answered at the deadline"),
        Err(_elapsed) => say!("main: primary gateway timed out"),
    }
    // The backup answers 0.1 s after its deadline.
    let deadline = Instant::now() + Duration::from_secs(5);
    let late = deadline + Duration::from_millis(100);
    match timeout_at(deadline, charge("backup gateway", late)).await {
        Ok(status) => say!("main: payment {status}"),
        Err(_elapsed) => say!("main: backup gateway timed out, 0.1 s too late"),
    }
}
// ANCHOR_END: timeout_at_deadline

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
