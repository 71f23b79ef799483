//! Exercise `big-report` (predict the output): a pool of three database
//! connections, as a `Semaphore`, shared by small queries that need one and
//! a report that needs all three. Write down what it prints, in order, with
//! the time of each line, before you run it:
//! `cargo xtask exercise big-report` checks your prediction, and
//! `cargo run -p lesson-limiting-concurrency -- big-report` runs it.

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

// ANCHOR: big_report
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

// ANCHOR_END: big_report
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: big_report
async fn job(name: &str, connections: u32, millis: u64, pool: Arc<Semaphore>) {
    // Waits until this job holds `connections` permits at once.
    let _held = pool.acquire_many(connections).await.expect("never closed");
    say!("{name}: got {connections} connection(s)");
    // The work; the thread is free for the other jobs meanwhile.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    say!("{name}: done");
    // `_held` is dropped here: its permits go back to the pool.
}

// ANCHOR_END: big_report
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: big_report
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: big_report
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: big_report
    let pool = Arc::new(Semaphore::new(3));
    let mut jobs = JoinSet::new();
    jobs.spawn(job("query a", 1, 1_000, Arc::clone(&pool)));
    jobs.spawn(job("query b", 1, 500, Arc::clone(&pool)));
    // The report comes 0.1 s later, query c 0.1 s after it.
    tokio::time::sleep(Duration::from_millis(100)).await;
    jobs.spawn(job("report", 3, 500, Arc::clone(&pool)));
    tokio::time::sleep(Duration::from_millis(100)).await;
    jobs.spawn(job("query c", 1, 200, Arc::clone(&pool)));
    // Waits for each job as it ends.
    while let Some(done) = jobs.join_next().await {
        done.expect("a job does not panic");
    }
}
// ANCHOR_END: big_report

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
