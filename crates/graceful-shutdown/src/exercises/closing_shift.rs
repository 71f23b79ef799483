//! Exercise `closing-shift` (predict the output): three tasks on a
//! `TaskTracker`, a `CancellationToken` cancelled at 1 s, and a 2 s drain
//! deadline. Each task treats the token its own way. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise closing-shift` checks your prediction, and
//! `cargo run -p lesson-graceful-shutdown -- closing-shift` runs it.

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

// ANCHOR: closing_shift
use std::time::Duration;

use tokio::time::sleep;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR_END: closing_shift
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: closing_shift
async fn sensor(token: CancellationToken) {
    for n in 1u32.. {
        tokio::select! {
            biased;
            () = token.cancelled() => break,
            () = sleep(Duration::from_millis(400)) => say!("sensor: reading {n}"),
        }
    }
    say!("sensor: stopping");
}

// ANCHOR_END: closing_shift
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: closing_shift
async fn mailer(token: CancellationToken) {
    let mut batch = 0;
    // Looks at the token only between two batches.
    while !token.is_cancelled() {
        sleep(Duration::from_millis(700)).await;
        batch += 1;
        say!("mailer: batch {batch} sent");
    }
    say!("mailer: stopping");
}

// ANCHOR_END: closing_shift
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: closing_shift
async fn backup() {
    // Never looks at the token.
    sleep(Duration::from_secs(5)).await;
    say!("backup: finished");
}

// ANCHOR_END: closing_shift
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: closing_shift
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: closing_shift
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: closing_shift
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    tracker.spawn(sensor(token.clone()));
    tracker.spawn(mailer(token.clone()));
    tracker.spawn(backup());
    // No more tasks are coming: `wait` may end once all three have.
    tracker.close();
    // The tasks run while `main` waits.
    sleep(Duration::from_secs(1)).await;
    say!("main: shutting down");
    token.cancel();
    // Waits for the tracker to be empty, for 2 s at most.
    match tokio::time::timeout(Duration::from_secs(2), tracker.wait()).await {
        Ok(()) => say!("main: every task finished"),
        Err(_) => say!("main: deadline passed, {} still running", tracker.len()),
    }
    say!("main: exit");
}
// ANCHOR_END: closing_shift

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
