//! `all-at-once`: the Rust book's puzzle (chapter 17): readings are sent
//! with a pause between them, yet they are all received at the end, at
//! once, because sending and receiving are in one future, one after the
//! other.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- all-at-once`.

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

// ANCHOR: all_at_once
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: all_at_once
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: all_at_once
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: all_at_once
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: all_at_once
    let (tx, mut rx) = mpsc::unbounded_channel();
    let readings = ["12.5 °C", "12.7 °C", "13.1 °C"];
    for reading in readings {
        say!("sensor: sent {reading}");
        tx.send(reading).expect("the receiver is still alive");
        // Pauses this future for 0.5 s; nothing in it receives meanwhile.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // Closes the channel, so that `recv` returns `None` once it is empty.
    drop(tx);
    // Only now, 1.5 s in, does this future start receiving: every reading is
    // waiting in the channel, so each `recv().await` is ready at once.
    while let Some(reading) = rx.recv().await {
        say!("display: got {reading}");
    }
}
// ANCHOR_END: all_at_once

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
