//! `join-set-failure`: when one sensor fails, `main` gives up and the
//! `JoinSet` is dropped, which aborts every task still in it: the slow
//! sensor never prints its reading. `asyncio.TaskGroup` cancels the other
//! tasks when one raises, so Python prints the same lines.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- join-set-failure`.

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

// ANCHOR: join_set_failure
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: join_set_failure
#[cfg_attr(test, lesson_kit::lane(sensor))]
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
        sensors.spawn(read_sensor(sensor, seconds));
    }
    // Waits for the tasks in the order they finish; `?` returns at the
    // first error, and returning drops `sensors`, which aborts the rest.
    while let Some(joined) = sensors.join_next().await {
        joined.expect("no sensor task panics")?;
    }
    Ok(())
}

// ANCHOR_END: join_set_failure
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_set_failure
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_set_failure
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_set_failure
    if let Err(e) = read_all().await {
        say!("main: stocktake failed: {e}");
    }
    // Waits past the attic sensor's 4 s: it was aborted, and prints nothing.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: join_set_failure

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
