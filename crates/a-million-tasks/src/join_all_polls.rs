//! `join-all-polls`: counts the polls `join_all` wastes on `current_thread`.
//! Every request waits for the same deadline, so all their timers fire at
//! once; a poll that finds its timer fired and still answers `Pending`
//! (for lack of cooperative budget) is counted. About N²/256 of them for
//! N requests; none under `unconstrained`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-million-tasks -- join-all-polls`.

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

// ANCHOR: join_all_polls
use std::future::poll_fn;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::future::join_all;
use tokio::time::{Instant, sleep_until};

/// Polls that found their timer fired and still answered `Pending`.
static WASTED: AtomicUsize = AtomicUsize::new(0);

/// A request that waits until `deadline`, counting its wasted polls.
async fn request(deadline: Instant) {
    let mut timer = pin!(sleep_until(deadline));
    // The same as `timer.await`, with a look at each poll's answer.
    poll_fn(|cx| {
        let answer = timer.as_mut().poll(cx);
        if answer.is_pending() && Instant::now() >= deadline {
            WASTED.fetch_add(1, Ordering::Relaxed);
        }
        answer
    })
    .await;
}

// ANCHOR_END: join_all_polls
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_all_polls
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_all_polls
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_all_polls
    for n in [2_000, 4_000] {
        // One deadline for all: their timers fire in the same instant.
        let deadline = Instant::now() + Duration::from_secs(1);
        join_all((0..n).map(|_| request(deadline))).await;
        let wasted = WASTED.swap(0, Ordering::Relaxed);
        say!("join_all of {n}: {wasted} wasted polls");
    }
    let n = 4_000;
    let deadline = Instant::now() + Duration::from_secs(1);
    // Off the budget: every poll of a fired timer completes it.
    tokio::task::unconstrained(join_all((0..n).map(|_| request(deadline)))).await;
    let wasted = WASTED.swap(0, Ordering::Relaxed);
    say!("unconstrained(join_all) of {n}: {wasted} wasted polls");
}
// ANCHOR_END: join_all_polls

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
