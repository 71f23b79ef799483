//! `futurelock-spawned`: the fix of `futurelock`. The price refresh is a
//! task of a `JoinSet` that `main` owns, so the runtime polls it whether
//! or not `main` waits for it: when the re-index releases the price list
//! at 1 s, the refresh takes it, finishes, and hands it on to the status
//! page's refresh at 1.2 s. The set still ends the task with `main`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-structured-concurrency -- futurelock-spawned`.

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

// ANCHOR: futurelock_spawned
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, OwnedMutexGuard};
use tokio::task::JoinSet;

/// The shop's price list, behind one lock.
struct Prices {
    version: u32,
}

// ANCHOR_END: futurelock_spawned
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: futurelock_spawned
async fn reindex(prices: OwnedMutexGuard<Prices>) {
    // Holds the price list for 1 s; the guard is dropped when this ends.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!(
        "reindex: done, releasing the price list (version {})",
        prices.version
    );
}

// ANCHOR_END: futurelock_spawned
#[cfg_attr(test, lesson_kit::lane(who))]
// ANCHOR: futurelock_spawned
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

// ANCHOR_END: futurelock_spawned
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: futurelock_spawned
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: futurelock_spawned
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: futurelock_spawned
    let prices = Arc::new(Mutex::new(Prices { version: 1 }));
    // The re-index takes the lock now and keeps it for 1 s, in a task.
    let held = Arc::clone(&prices).lock_owned().await;
    tokio::spawn(reindex(held));
    // The quote is a task now: the runtime polls it when it is woken, not
    // only while `main` waits for it. The set still ends it with `main`.
    let mut quote = JoinSet::new();
    quote.spawn(refresh_prices(Arc::clone(&prices), "quote"));
    let tripwire = Duration::from_secs(5);
    let raced = tokio::time::timeout(tripwire, async {
        tokio::select! {
            biased;
            // `join_next` only waits for the task; losing drops the wait,
            // not the task.
            Some(done) = quote.join_next() => {
                done.expect("the quote task does not panic");
                say!("main: quote refreshed");
            }
            () = tokio::time::sleep(Duration::from_millis(500)) => {
                say!("main: the quote is slow; refreshing the status page meanwhile");
                // Queues for the same lock, behind the quote task.
                refresh_prices(Arc::clone(&prices), "status").await;
            }
        }
    })
    .await;
    if raced.is_err() {
        say!("main: tripwire: no progress for 5 s, giving up");
    }
    say!("main: price list locked? {}", prices.try_lock().is_err());
}
// ANCHOR_END: futurelock_spawned

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
