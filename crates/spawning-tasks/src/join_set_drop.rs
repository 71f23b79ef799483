//! `join-set-drop`: dropping a `JoinSet` is not leaving an
//! `asyncio.TaskGroup` block. The `async with` block waits for every task;
//! a `JoinSet` that goes out of scope aborts its tasks and waits for none,
//! so the sensors' readings never print. To wait as the block does, await
//! the set before it goes: `join_all().await`, in the second round.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- join-set-drop`.

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

// ANCHOR: join_set_drop
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: join_set_drop
#[cfg_attr(test, lesson_kit::lane(sensor))]
// ANCHOR: join_set_drop
async fn read_sensor(sensor: &'static str, seconds: u64) -> f64 {
    say!("{sensor}: reading");
    // An aborted task is dropped here, and prints nothing more.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    let celsius = 18.0 + seconds as f64;
    say!("{sensor}: {celsius:.1} °C");
    celsius
}

// ANCHOR_END: join_set_drop
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_set_drop
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_set_drop
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_set_drop
    {
        let mut sensors = JoinSet::new();
        for (sensor, seconds) in [("kitchen", 1), ("attic", 2)] {
            sensors.spawn(read_sensor(sensor, seconds));
        }
        // Lets both tasks start.
        tokio::time::sleep(Duration::from_millis(500)).await;
        say!("main: leaving the block");
        // `sensors` is dropped here: both tasks are aborted, and nothing
        // waits for them.
    }
    say!("main: left the block");
    // Waits past the attic's 2 s: neither reading ever prints.
    tokio::time::sleep(Duration::from_secs(2)).await;

    // What leaving an `async with` block does: wait for every task.
    let mut sensors = JoinSet::new();
    for (sensor, seconds) in [("kitchen", 1), ("attic", 2)] {
        sensors.spawn(read_sensor(sensor, seconds));
    }
    // Each reading in the order its task finished (it panics if one did).
    let readings = sensors.join_all().await;
    say!("main: got {} readings", readings.len());
}
// ANCHOR_END: join_set_drop

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
