//! Exercise `busy-customer` (fix the bug): a connection with an idle
//! timeout of 1 s, and a customer who sends a request every 400 ms. The
//! customer is never silent for 1 s, and yet is cut off. Make the idle
//! timeout cut off only a customer silent for 1 s.
//!
//! Check your fix with `cargo xtask exercise busy-customer`, which copies
//! this file to `exercises/busy-customer.rs` for you to edit.

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

// ANCHOR: busy_customer
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

const IDLE: Duration = Duration::from_secs(1);

/// A connection: serves each line; a customer silent for `IDLE` is cut off.
async fn connection(mut lines: mpsc::Receiver<&'static str>) {
    let served = timeout(IDLE, async {
        while let Some(line) = lines.recv().await {
            say!("connection: served {line}");
        }
    })
    .await;
    match served {
        Ok(()) => say!("connection: the customer left"),
        Err(_) => say!("connection: idle for 1 s, closing"),
    }
}

// ANCHOR_END: busy_customer
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: busy_customer
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: busy_customer
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: busy_customer
    let (send, lines) = mpsc::channel(4);
    let serving = tokio::spawn(connection(lines));
    // A busy customer: a request every 400 ms, never silent for 1 s.
    for line in ["GET apple", "RESERVE apple 1", "GET pear", "RESERVE pear 1"] {
        sleep(Duration::from_millis(400)).await;
        if send.send(line).await.is_err() {
            say!("customer: cut off before {line}");
            break;
        }
    }
    drop(send);
    serving.await.expect("the connection does not panic");
    say!("main: exit");
}
// ANCHOR_END: busy_customer

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
