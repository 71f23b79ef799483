//! `rwlock`: a price list behind a `tokio::sync::RwLock`. Two dashboards
//! read it at the same time; an update must wait until they are done, and
//! a dashboard that asks after the update has queued waits behind it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-shared-state -- rwlock`.

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

// ANCHOR: rwlock
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::RwLock;
use tokio::task::JoinSet;

// ANCHOR_END: rwlock
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: rwlock
async fn dashboard(prices: Arc<RwLock<Vec<u32>>>, name: &str, arrives: u64) {
    // Arrives this many milliseconds after the start.
    tokio::time::sleep(Duration::from_millis(arrives)).await;
    say!("{name}: wants to read");
    // Waits until no writer holds the lock *or waits for it* (fair, FIFO).
    let prices = prices.read().await;
    say!("{name}: reading {prices:?}");
    // Rendering takes 1 s, holding the read lock; other readers may too.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("{name}: done");
}

// ANCHOR_END: rwlock
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: rwlock
async fn update(prices: Arc<RwLock<Vec<u32>>>, arrives: u64) {
    // Arrives this many milliseconds after the start.
    tokio::time::sleep(Duration::from_millis(arrives)).await;
    say!("update: waiting for the write lock");
    // Waits until every reader has let go; new readers queue behind it.
    let mut prices = prices.write().await;
    prices.iter_mut().for_each(|p| *p += 1);
    say!("update: prices raised");
    // Writing takes 0.5 s, holding the write lock: nobody else gets in.
    tokio::time::sleep(Duration::from_millis(500)).await;
}

// ANCHOR_END: rwlock
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: rwlock
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: rwlock
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: rwlock
    let prices = Arc::new(RwLock::new(vec![100, 250]));
    // Four tasks sharing the price list; each arrives at its own time.
    let mut tasks = JoinSet::new();
    tasks.spawn(dashboard(Arc::clone(&prices), "sales", 0));
    tasks.spawn(dashboard(Arc::clone(&prices), "stock", 0));
    tasks.spawn(update(Arc::clone(&prices), 250));
    tasks.spawn(dashboard(Arc::clone(&prices), "audit", 500));
    // Takes each task's result as it finishes.
    while let Some(finished) = tasks.join_next().await {
        finished.expect("no task panics");
    }
}
// ANCHOR_END: rwlock

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
