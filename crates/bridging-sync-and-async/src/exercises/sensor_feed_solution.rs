//! A solution of exercise `sensor-feed`: a tokio `mpsc` channel. The
//! driver, synchronous, sends with `blocking_send` (it may block its own
//! thread, one of the blocking pool); the collector awaits `recv`, which
//! gives the runtime's thread back while it waits for the batch.

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

// ANCHOR: sensor_feed_solution
use std::time::Duration;

use tokio::sync::mpsc;

/// The legacy sensor driver: synchronous. It warms up for 3 s, then sends
/// its three readings in one batch.
fn sensor_driver(readings: mpsc::Sender<[u32; 3]>) {
    thread::sleep(Duration::from_secs(3));
    // The sync side of a tokio channel: blocks this thread, never a
    // runtime's, while the channel is full.
    readings
        .blocking_send([21, 22, 24])
        .expect("the collector listens");
}

// ANCHOR_END: sensor_feed_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sensor_feed_solution
async fn collector(mut readings: mpsc::Receiver<[u32; 3]>) {
    // Waits for the batch without holding the thread.
    let batch = readings.recv().await.expect("the sensor sends its batch");
    for celsius in batch {
        say!("collector: {celsius} °C");
    }
    say!("collector: the sensor is done");
}

// ANCHOR_END: sensor_feed_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sensor_feed_solution
async fn health_check() {
    // The load balancer's probe: nothing to wait for.
    say!("health check: ok");
}

// ANCHOR_END: sensor_feed_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: sensor_feed_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: sensor_feed_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: sensor_feed_solution
    let (readings, incoming) = mpsc::channel(1);
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
// ANCHOR_END: sensor_feed_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
