//! `join-set-failure`: when one sensor fails, `main` gives up and the
//! `JoinSet` is dropped, which aborts every task still in it: the slow
//! sensor never prints its reading. `asyncio.TaskGroup` cancels the other
//! tasks when one raises, so Python prints the same lines.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::task::JoinSet;

// ANCHOR: join_set_failure
async fn read_sensor(sensor: &'static str, seconds: u64) -> Result<f64, String> {
    say!("{sensor}: reading");
    // Tasks still waiting here when the set is dropped are aborted here.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    if sensor == "boiler" {
        return Err(format!("{sensor}: no answer"));
    }
    let celsius = 18.0 + seconds as f64;
    say!("{sensor}: {celsius:.1} °C");
    Ok(celsius)
}

async fn read_all() -> Result<(), String> {
    let mut sensors = JoinSet::new();
    for (sensor, seconds) in [("kitchen", 1), ("boiler", 2), ("attic", 4)] {
        sensors.spawn(read_sensor(sensor, seconds).lane(sensor));
    }
    // Waits for the tasks in the order they finish; `?` returns at the
    // first error, and returning drops `sensors`, which aborts the rest.
    while let Some(joined) = sensors.join_next().await {
        joined.expect("no sensor task panics")?;
    }
    Ok(())
}

pub async fn run() {
    if let Err(e) = read_all().await {
        say!("main: stocktake failed: {e}");
    }
    // Waits past the attic sensor's 4 s: it was aborted, and prints nothing.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: join_set_failure
