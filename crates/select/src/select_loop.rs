//! `select-loop`: `select!` in a loop takes orders from a channel until
//! closing time. The closing timer is created once, before the loop, and
//! polled by reference, so every turn of the loop races the *same*
//! deadline: the shop closes at 3.5 s, whatever arrives meanwhile.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-select -- select-loop`.

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

// ANCHOR: select_loop
use std::pin::pin;
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: select_loop
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: select_loop
async fn customers(orders: mpsc::Sender<u32>) {
    for order in 1..=5 {
        // One new order every second.
        tokio::time::sleep(Duration::from_secs(1)).await;
        if orders.send(order).await.is_err() {
            return; // the shop has closed: nobody receives any more
        }
    }
}

// ANCHOR_END: select_loop
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: select_loop
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: select_loop
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: select_loop
    let (sender, mut orders) = mpsc::channel(8);
    // The customers run as their own task, sending into the channel.
    tokio::spawn(customers(sender));
    // One timer for the whole loop, pinned so that `&mut closing` can be
    // polled again and again without being consumed.
    let mut closing = pin!(tokio::time::sleep(Duration::from_millis(3500)));
    loop {
        // Each turn waits for whichever comes first: an order or closing
        // time. `recv()` is cancel safe: when the timer wins, no order is
        // lost, it stays in the channel.
        tokio::select! {
            Some(order) = orders.recv() => say!("main: order {order} received"),
            () = &mut closing => {
                say!("main: closing time");
                break;
            }
        }
    }
}
// ANCHOR_END: select_loop

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
