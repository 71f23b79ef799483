//! Exercise `endless-collector` (fix the bug): two sensor tasks send their
//! readings over a channel to a collector, which should print a summary
//! once both sensors are done. It never does: the run hangs after the last
//! reading. Make the collector's loop end when the sensors are done, so
//! that the summary comes right after the last reading, without counting:
//! the collector must not know how many readings will come, so its loop
//! has to end because the channel closes.
//!
//! Check your fix with `cargo xtask exercise endless-collector`, which
//! copies this file to `exercises/endless-collector.rs` for you to edit.

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

// ANCHOR: endless_collector
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: endless_collector
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: endless_collector
async fn sensor(name: &'static str, every: Duration, readings: mpsc::Sender<(&'static str, u32)>) {
    for n in 1..=2 {
        // Measuring takes this long; the thread is free meanwhile.
        tokio::time::sleep(every).await;
        readings
            .send((name, n))
            .await
            .expect("the collector is running");
    }
    // This sensor's sender is dropped here.
}

// ANCHOR_END: endless_collector
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: endless_collector
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: endless_collector
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: endless_collector
    let (tx, mut rx) = mpsc::channel(8);
    for (name, every) in [("greenhouse", 300), ("cellar", 500)] {
        // Each sensor task sends on its own clone of the sender.
        tokio::spawn(sensor(name, Duration::from_millis(every), tx.clone()));
    }
    let mut count = 0;
    // `None` once the channel is closed: every sender dropped, and every
    // reading taken.
    while let Some((name, n)) = rx.recv().await {
        count += 1;
        say!("collector: {name} reading #{n}");
    }
    say!("collector: the sensors are done, {count} readings");
}
// ANCHOR_END: endless_collector

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
