//! `sleep-until`: a sensor read every second. Reading takes 0.3 s. The
//! `sleep` loop waits 1 s *after* each reading, so it drifts by 0.3 s a
//! round; the `sleep_until` loop waits for fixed deadlines, 1 s apart
//! from the start, and stays on the second.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::time::Instant;

// ANCHOR: sleep_until
async fn read_sensor(schedule: &str, round: u32) {
    say!("{schedule}: reading {round}");
    // Reading the sensor takes 0.3 s of waiting on the bus.
    tokio::time::sleep(Duration::from_millis(300)).await;
}

async fn every_second_with_sleep() {
    for round in 1..=4 {
        read_sensor("sleep", round).await;
        // 1 s from *now*, after the reading: each round takes 1.3 s.
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn every_second_with_sleep_until() {
    let start = Instant::now();
    for round in 1..=4 {
        read_sensor("sleep_until", round).await;
        // Until a fixed instant, `round` seconds after the start: the time
        // the reading took is subtracted from the wait.
        tokio::time::sleep_until(start + Duration::from_secs(round.into())).await;
    }
}

pub async fn run() {
    // Both schedules at once, on one thread; their waits overlap.
    tokio::join!(
        every_second_with_sleep().lane("sleep"),
        every_second_with_sleep_until().lane("sleep_until"),
    );
}
// ANCHOR_END: sleep_until
