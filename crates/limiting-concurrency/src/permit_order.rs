//! `permit-order`: who runs first when several permits come back at the
//! same instant. `main` holds all 3 permits of a `Semaphore` while five
//! jobs queue up for one each, in an order of their own; then it gives the
//! 3 back at once. The permits go to the first three in the queue, and
//! on `current_thread` those three run in that same order.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-limiting-concurrency -- permit-order`.

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

// ANCHOR: permit_order
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

// ANCHOR_END: permit_order
#[cfg_attr(test, lesson_kit::lane(format!("job {name}")))]
// ANCHOR: permit_order
async fn job(name: char, asks_after: Duration, permits: Arc<Semaphore>) {
    // Each job comes to the semaphore at its own time.
    tokio::time::sleep(asks_after).await;
    say!("job {name}: asks for a permit");
    // Pending until a permit is given to this job; the wait is a queue.
    let _permit = permits
        .acquire()
        .await
        .expect("the semaphore is never closed");
    say!("job {name}: got a permit");
    // The work: the thread is free for the other jobs meanwhile.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("job {name}: done");
    // `_permit` is dropped here: its permit goes back to the semaphore.
}

// ANCHOR_END: permit_order
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: permit_order
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: permit_order
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: permit_order
    let permits = Arc::new(Semaphore::new(3));
    // All three permits in one: every job will have to wait.
    let all_three = permits
        .acquire_many(3)
        .await
        .expect("the semaphore is never closed");
    let mut jobs = JoinSet::new();
    // Spawned a to e, but they ask in another order: c, a, e, b, d.
    for (name, asks_after) in [('a', 200), ('b', 400), ('c', 100), ('d', 500), ('e', 300)] {
        let asks_after = Duration::from_millis(asks_after);
        jobs.spawn(job(name, asks_after, Arc::clone(&permits)));
    }
    // The jobs run while `main` sleeps, and all five queue up.
    tokio::time::sleep(Duration::from_secs(1)).await;
    // All three back in one call: the first three waiters in the queue
    // get one each, and are woken (they run once `main` awaits).
    drop(all_three);
    let free = permits.available_permits();
    say!("main: gave back 3 permits, {free} free");
    // Waits for each job as it ends.
    while let Some(done) = jobs.join_next().await {
        done.expect("a job does not panic");
    }
    say!("main: all jobs done");
}
// ANCHOR_END: permit_order

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
