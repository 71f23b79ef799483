//! `guard-in-join`: the `std` guard across an `.await` that `tokio::spawn`
//! refuses compiles where nothing asks for `Send`, here inside `join!`,
//! and hangs. Two orders run joined on one thread: alice keeps her guard
//! across an `.await` that is pending, and bob's `lock()` then blocks that
//! thread, the one thread that could poll alice again. A watchdog task,
//! on the runtime's own thread, gives up after 2 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-shared-state -- guard-in-join`.

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

// ANCHOR: guard_in_join
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::{Semaphore, oneshot};

// The mistake this program shows; clippy warns about it.
#[allow(clippy::await_holding_lock)]
async fn order(stock: &Mutex<u32>, started: &Semaphore, customer: &str) {
    say!("{customer}: waiting for the lock");
    // Counts this order as started: one more permit for the watchdog.
    started.add_permits(1);
    let mut umbrellas = stock.lock().expect("no order panicked holding the lock");
    say!("{customer}: has the lock");
    // The guard `umbrellas` is still alive at this `.await`. Any `.await`
    // that is pending does the harm (a sleep, a payment, a query);
    // `yield_now` is pending exactly once, and lets `join!` poll the other
    // order.
    tokio::task::yield_now().await;
    *umbrellas -= 1;
    say!("{customer}: umbrella reserved, {umbrellas} left");
}

/// Both orders in one future: `join!` polls them in turn, on the thread
/// that runs the shop. Nothing here asks for `Send`, so the guard across
/// the `.await` compiles.
async fn shop(started: Arc<Semaphore>) {
    let stock = Mutex::new(2);
    tokio::join!(
        order(&stock, &started, "alice"),
        order(&stock, &started, "bob")
    );
}

/// Gives the shop 2 s, from the moment both orders have started.
async fn watchdog(started: Arc<Semaphore>, shop_done: oneshot::Receiver<()>) {
    // Each order adds a permit as it starts; from then on, the shop needs
    // no time at all to finish.
    let _both = started.acquire_many(2).await.expect("never closed");
    match tokio::time::timeout(Duration::from_secs(2), shop_done).await {
        Ok(_) => say!("watchdog: the shop is done"),
        Err(_elapsed) => say!("watchdog: both orders started, the shop still hangs after 2 s"),
    }
}

// ANCHOR_END: guard_in_join
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: guard_in_join
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: guard_in_join
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: guard_in_join
    let started = Arc::new(Semaphore::new(0));
    let (done, shop_done) = oneshot::channel();
    let watchdog = tokio::spawn(watchdog(Arc::clone(&started), shop_done));
    // The shop runs on a thread of its own, on this runtime: when that
    // thread hangs, this one is still free to notice.
    let runtime = Handle::current();
    thread::spawn(move || {
        runtime.block_on(shop(started));
        let _ = done.send(());
    });
    watchdog.await.expect("the watchdog does not panic");
}
// ANCHOR_END: guard_in_join

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
