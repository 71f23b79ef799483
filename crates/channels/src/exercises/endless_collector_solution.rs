//! A solution of exercise `endless-collector`: `main` drops its own sender
//! once the sensors have their clones, so the channel closes when the last
//! sensor is done. (Moving `tx` itself into the last sensor, or creating
//! the clones in a block that ends before the loop, fixes it too.)

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

// ANCHOR: endless_collector_solution
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: endless_collector_solution
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: endless_collector_solution
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

// ANCHOR_END: endless_collector_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: endless_collector_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: endless_collector_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: endless_collector_solution
    let (tx, mut rx) = mpsc::channel(8);
    for (name, every) in [("greenhouse", 300), ("cellar", 500)] {
        // Each sensor task sends on its own clone of the sender.
        tokio::spawn(sensor(name, Duration::from_millis(every), tx.clone()));
    }
    // `main`'s own sender: without this drop, the channel stays open for
    // ever, since `main` itself could still send.
    drop(tx);
    let mut count = 0;
    // `None` once the channel is closed: every sender dropped, and every
    // reading taken.
    while let Some((name, n)) = rx.recv().await {
        count += 1;
        say!("collector: {name} reading #{n}");
    }
    say!("collector: the sensors are done, {count} readings");
}
// ANCHOR_END: endless_collector_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
