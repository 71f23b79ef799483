//! `select-loop-reset`: the same loop with the classic bug: the closing
//! timer is created *inside* the `select!`, so every turn of the loop
//! starts a new 3.5 s timer. While orders keep coming, it never fires;
//! the shop closes 3.5 s after the last order, at 8.5 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-select -- select-loop-reset`.

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

// ANCHOR: select_loop_reset
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: select_loop_reset
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: select_loop_reset
async fn customers(orders: mpsc::Sender<u32>) {
    for order in 1..=5 {
        // One new order every second.
        tokio::time::sleep(Duration::from_secs(1)).await;
        if orders.send(order).await.is_err() {
            return;
        }
    }
    // Dropping the last sender closes the channel: `recv()` returns None.
}

// ANCHOR_END: select_loop_reset
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: select_loop_reset
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: select_loop_reset
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: select_loop_reset
    let (sender, mut orders) = mpsc::channel(8);
    tokio::spawn(customers(sender));
    loop {
        // BUG: `sleep(..)` here builds a new timer on every turn, and the
        // old one is dropped with the `select!` that lost it.
        tokio::select! {
            Some(order) = orders.recv() => say!("main: order {order} received"),
            () = tokio::time::sleep(Duration::from_millis(3500)) => {
                say!("main: closing time");
                break;
            }
        }
    }
}
// ANCHOR_END: select_loop_reset

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
