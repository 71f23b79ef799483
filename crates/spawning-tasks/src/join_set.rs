//! `join-set`: a `JoinSet` owns a group of tasks, like Python's
//! `asyncio.TaskGroup`; `join_next()` returns each task's result in the
//! order the tasks *finish*, not the order they were spawned.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::task::JoinSet;

// ANCHOR: join_set
async fn read_sensor(sensor: &'static str, seconds: u64) -> (&'static str, f64) {
    say!("{sensor}: reading");
    // Each sensor answers after its own delay; the waits overlap.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    (sensor, 18.0 + seconds as f64)
}

pub async fn run() {
    let mut sensors = JoinSet::new();
    for (sensor, seconds) in [("attic", 3), ("kitchen", 1), ("cellar", 2)] {
        // `JoinSet::spawn` is `tokio::spawn`, with the handle kept in the set.
        sensors.spawn(read_sensor(sensor, seconds).lane(sensor));
    }
    // Each `.await` waits for the next task of the set to finish.
    while let Some(joined) = sensors.join_next().await {
        let (sensor, celsius) = joined.expect("no sensor task panics");
        say!("main: {sensor} is at {celsius:.1} °C");
    }
    say!("main: every sensor answered");
}
// ANCHOR_END: join_set
