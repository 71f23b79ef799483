//! Exercise `sensor-feed` (fix the bug): a legacy sensor driver,
//! synchronous, warms up for 3 s and then sends its readings in one batch on a
//! `std::sync::mpsc` channel, and an async collector reads them. The
//! readings arrive on time, but the load balancer's health check, which has
//! nothing to wait for, is answered only once the sensor is done, 3 s late.
//! Make the health check answer at once, with the three readings still
//! collected at 3 s. Keep `sensor_driver` synchronous, with its
//! `thread::sleep`: it stands in for a driver that waits on the hardware.
//!
//! Check your fix with `cargo xtask exercise sensor-feed`, which copies
//! this file to `exercises/sensor-feed.rs` for you to edit.

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: sensor_feed
use std::time::Duration;

use std::sync::mpsc;

/// The legacy sensor driver: synchronous. It warms up for 3 s, then sends
/// its three readings in one batch.
fn sensor_driver(readings: mpsc::Sender<[u32; 3]>) {
    thread::sleep(Duration::from_secs(3));
    readings.send([21, 22, 24]).expect("the collector listens");
}

// ANCHOR_END: sensor_feed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sensor_feed
async fn collector(readings: mpsc::Receiver<[u32; 3]>) {
    // Blocks until the batch comes (std's `recv`, no `.await`).
    let batch = readings.recv().expect("the sensor sends its batch");
    for celsius in batch {
        say!("collector: {celsius} °C");
    }
    say!("collector: the sensor is done");
}

// ANCHOR_END: sensor_feed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sensor_feed
async fn health_check() {
    // The load balancer's probe: nothing to wait for.
    say!("health check: ok");
}

// ANCHOR_END: sensor_feed
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: sensor_feed
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: sensor_feed
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: sensor_feed
    let (readings, incoming) = mpsc::channel();
    let collector = tokio::spawn(collector(incoming));
    let health = tokio::spawn(health_check());
    // The driver is blocking code: it gets a thread of the blocking pool,
    // and ends when its batch is sent.
    tokio::task::spawn_blocking(move || sensor_driver(readings));
    // Each await yields until that task has ended.
    health.await.expect("the health check does not panic");
    collector.await.expect("the collector does not panic");
    say!("main: done");
}
// ANCHOR_END: sensor_feed

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
