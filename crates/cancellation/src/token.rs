//! `token`: cooperative cancellation with `tokio_util`'s
//! `CancellationToken`. `main` asks two tasks to stop at 2.5 s; each
//! decides where it may stop. The billing worker finishes the batch in
//! progress and saves its progress; the mailer, idle, stops at once.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-cancellation -- token`.

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

// ANCHOR: token
use std::time::Duration;

use tokio_util::sync::CancellationToken;

// ANCHOR_END: token
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: token
async fn billing(stop: CancellationToken) -> u32 {
    let mut batch = 0;
    // Checks the token only between batches: a batch is never cut in half.
    while !stop.is_cancelled() {
        batch += 1;
        say!("billing: batch {batch} started");
        // A batch takes 1 s; a stop request does not interrupt it.
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("billing: batch {batch} done");
    }
    say!("billing: stop requested; progress saved after batch {batch}");
    batch
}

// ANCHOR_END: token
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: token
async fn mailer(stop: CancellationToken) {
    loop {
        // Idle until the next mail run in 10 s, or until asked to stop:
        // waiting is safe to cut short, so it races the token.
        tokio::select! {
            () = stop.cancelled() => break,
            () = tokio::time::sleep(Duration::from_secs(10)) => say!("mailer: sending mail"),
        }
    }
    say!("mailer: stop requested; stopped while idle");
}

// ANCHOR_END: token
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: token
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: token
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: token
    let stop = CancellationToken::new();
    // Each task gets a clone (the mailer a child token, which is cancelled
    // with its parent); both start at main's first `.await`.
    let billing = tokio::spawn(billing(stop.clone()));
    let mailer = tokio::spawn(mailer(stop.child_token()));
    tokio::time::sleep(Duration::from_millis(2500)).await;
    say!("main: asking every task to stop");
    stop.cancel();
    // Waits for both tasks to wind down by themselves.
    let (batches, mailer) = tokio::join!(billing, mailer);
    mailer.expect("the mailer does not panic");
    let batches = batches.expect("billing does not panic");
    say!("main: stopped cleanly after {batches} batches");
}
// ANCHOR_END: token

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
