//! `futurelock`: one task, two futures, one lock, and a hang (Oxide's RFD
//! 609 names it "futurelock"). `main` races a price refresh, polled by
//! `&mut`, against a 0.5 s timer; the refresh is queued for the price
//! list's `tokio::sync::Mutex`, which a re-index holds for 1 s. The timer
//! wins, and its handler queues for the same lock. At 1 s the lock is
//! handed to the first in the queue, the refresh, which nobody polls any
//! more: the handler waits for ever. A tripwire (`timeout`, 5 s) ends it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-structured-concurrency -- futurelock`.

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

// ANCHOR: futurelock
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, OwnedMutexGuard};

/// The shop's price list, behind one lock.
struct Prices {
    version: u32,
}

// ANCHOR_END: futurelock
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: futurelock
async fn reindex(prices: OwnedMutexGuard<Prices>) {
    // Holds the price list for 1 s; the guard is dropped when this ends.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!(
        "reindex: done, releasing the price list (version {})",
        prices.version
    );
}

// ANCHOR_END: futurelock
#[cfg_attr(test, lesson_kit::lane(who))]
// ANCHOR: futurelock
async fn refresh_prices(prices: Arc<Mutex<Prices>>, who: &'static str) {
    say!("{who}: waiting for the price list");
    // Queues for the lock: tokio's Mutex hands it to its waiters first
    // come, first served.
    let mut list = prices.lock().await;
    say!("{who}: has the price list");
    // Fetches the new prices while holding the lock.
    tokio::time::sleep(Duration::from_millis(200)).await;
    list.version += 1;
    say!("{who}: prices at version {}", list.version);
}

// ANCHOR_END: futurelock
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: futurelock
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: futurelock
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: futurelock
    let prices = Arc::new(Mutex::new(Prices { version: 1 }));
    // The re-index takes the lock now and keeps it for 1 s, in a task.
    let held = Arc::clone(&prices).lock_owned().await;
    tokio::spawn(reindex(held));
    {
        let mut quote = pin!(refresh_prices(Arc::clone(&prices), "quote"));
        // The tripwire: a hang here ends after 5 s, and says so.
        let tripwire = Duration::from_secs(5);
        let raced = tokio::time::timeout(tripwire, async {
            tokio::select! {
                biased;
                // Polled only while this `select!` waits. Once the other
                // branch wins, nothing polls `quote` any more.
                () = &mut quote => say!("main: quote refreshed"),
                () = tokio::time::sleep(Duration::from_millis(500)) => {
                    say!("main: the quote is slow; refreshing the status page meanwhile");
                    // Queues for the same lock, behind `quote`.
                    refresh_prices(Arc::clone(&prices), "status").await;
                }
            }
        })
        .await;
        if raced.is_err() {
            say!("main: tripwire: no progress for 5 s, giving up");
        }
        // No guard is alive, and yet the lock is taken: `quote` owns it.
        say!("main: price list locked? {}", prices.try_lock().is_err());
    }
    // `quote` is dropped at the end of its block, and what it owned with it.
    say!(
        "main: quote dropped; price list locked? {}",
        prices.try_lock().is_err()
    );
}
// ANCHOR_END: futurelock

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
