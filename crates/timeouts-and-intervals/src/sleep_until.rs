//! `sleep-until`: a sensor read every second. Reading takes 0.3 s. The
//! `sleep` loop waits 1 s *after* each reading, so it drifts by 0.3 s a
//! round; the `sleep_until` loop waits for fixed deadlines, 1 s apart
//! from the start, and stays on the second.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-timeouts-and-intervals -- sleep-until`.

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

// ANCHOR: sleep_until
use std::time::Duration;

use tokio::time::Instant;

async fn read_sensor(schedule: &str, round: u32) {
    say!("{schedule}: reading {round}");
    // Reading the sensor takes 0.3 s of waiting on the bus.
    tokio::time::sleep(Duration::from_millis(300)).await;
}

// ANCHOR_END: sleep_until
#[cfg_attr(test, lesson_kit::lane("sleep"))]
// ANCHOR: sleep_until
async fn every_second_with_sleep() {
    for round in 1..=4 {
        read_sensor("sleep", round).await;
        // 1 s from *now*, after the reading: each round takes 1.3 s.
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

// ANCHOR_END: sleep_until
#[cfg_attr(test, lesson_kit::lane("sleep_until"))]
// ANCHOR: sleep_until
async fn every_second_with_sleep_until() {
    let start = Instant::now();
    for round in 1..=4 {
        read_sensor("sleep_until", round).await;
        // Until a fixed instant, `round` seconds after the start: the time
        // the reading took is subtracted from the wait.
        tokio::time::sleep_until(start + Duration::from_secs(round.into())).await;
    }
}

// ANCHOR_END: sleep_until
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: sleep_until
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: sleep_until
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: sleep_until
    // Both schedules at once, on one thread; their waits overlap.
    tokio::join!(every_second_with_sleep(), every_second_with_sleep_until());
}
// ANCHOR_END: sleep_until

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
