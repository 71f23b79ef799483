//! `join-set`: a `JoinSet` owns a group of tasks, like Python's
//! `asyncio.TaskGroup`; `join_next()` returns each task's result in the
//! order the tasks *finish*, not the order they were spawned.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- join-set`.

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

// ANCHOR: join_set
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: join_set
#[cfg_attr(test, lesson_kit::lane(sensor))]
// ANCHOR: join_set
async fn read_sensor(sensor: &'static str, seconds: u64) -> (&'static str, f64) {
    say!("{sensor}: reading");
    // Each sensor answers after its own delay; the waits overlap.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    (sensor, 18.0 + seconds as f64)
}

// ANCHOR_END: join_set
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_set
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_set
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_set
    let mut sensors = JoinSet::new();
    for (sensor, seconds) in [("attic", 3), ("kitchen", 1), ("cellar", 2)] {
        // `JoinSet::spawn` is `tokio::spawn`, with the handle kept in the set.
        sensors.spawn(read_sensor(sensor, seconds));
    }
    // Each `.await` waits for the next task of the set to finish.
    while let Some(joined) = sensors.join_next().await {
        let (sensor, celsius) = joined.expect("no sensor task panics");
        say!("main: {sensor} is at {celsius:.1} °C");
    }
    say!("main: every sensor answered");
}
// ANCHOR_END: join_set

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
