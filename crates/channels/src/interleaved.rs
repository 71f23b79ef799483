//! `interleaved`: the same readings, with the sender and the receiver as
//! two futures joined: the receiver is polled while the sender pauses, so
//! each reading arrives as soon as it is sent.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- interleaved`.

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

// ANCHOR: interleaved
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: interleaved
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: interleaved
async fn sensor(tx: mpsc::UnboundedSender<&str>) {
    for reading in ["12.5 °C", "12.7 °C", "13.1 °C"] {
        say!("sensor: sent {reading}");
        tx.send(reading).expect("the receiver is still alive");
        // Gives the thread back for 0.5 s: `join!` polls the display now.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // `tx` is dropped here: the channel closes.
}

// ANCHOR_END: interleaved
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: interleaved
async fn display(mut rx: mpsc::UnboundedReceiver<&str>) {
    // Pending while the channel is empty; the sender's `send` wakes it.
    while let Some(reading) = rx.recv().await {
        say!("display: got {reading}");
    }
}

// ANCHOR_END: interleaved
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: interleaved
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: interleaved
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: interleaved
    let (tx, rx) = mpsc::unbounded_channel();
    // Two futures, one sending and one receiving. `join!` polls both on
    // this thread, each time one of them is woken.
    tokio::join!(sensor(tx), display(rx));
}
// ANCHOR_END: interleaved

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
