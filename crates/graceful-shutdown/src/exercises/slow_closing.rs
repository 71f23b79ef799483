//! Exercise `slow-closing` (fix the bug): two packers on a `TaskTracker`,
//! told to stop by a `CancellationToken` at closing time, and a drain that
//! waits for them for 2 s at most. Both packers have stopped by closing
//! time, and yet every shutdown takes the whole 2 s, and then says that
//! no packer is running. Make `main` see the packers stop, and exit, at
//! closing time.
//!
//! Check your fix with `cargo xtask exercise slow-closing`, which copies
//! this file to `exercises/slow-closing.rs` for you to edit.

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

// ANCHOR: slow_closing
use std::time::Duration;

use tokio::time::sleep;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR_END: slow_closing
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: slow_closing
async fn packer(name: &'static str, parcels: u32, token: CancellationToken) {
    for packed in 0..parcels {
        tokio::select! {
            // Between two parcels, or in the middle of one, closing time wins.
            biased;
            () = token.cancelled() => {
                say!("{name}: stopped after {packed} parcels");
                return;
            }
            () = sleep(Duration::from_millis(300)) => {}
        }
    }
    say!("{name}: all {parcels} parcels packed");
}

// ANCHOR_END: slow_closing
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: slow_closing
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: slow_closing
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: slow_closing
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    tracker.spawn(packer("ann", 2, token.clone()));
    tracker.spawn(packer("bob", 10, token.clone()));
    // The packers work while `main` waits for closing time.
    sleep(Duration::from_secs(1)).await;
    say!("main: closing time");
    token.cancel();
    // Waits for the packers to stop, for 2 s at most.
    match tokio::time::timeout(Duration::from_secs(2), tracker.wait()).await {
        Ok(()) => say!("main: every packer has stopped"),
        Err(_) => say!("main: gave up after 2 s, {} packers running", tracker.len()),
    }
    say!("main: exit");
}
// ANCHOR_END: slow_closing

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
