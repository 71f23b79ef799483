//! Exercise `packing-closes` (predict the output): a shop sends orders
//! over a bounded channel to packing, which stops after two. Write down what
//! it prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise packing-closes` checks your prediction, and
//! `cargo run -p lesson-channels -- packing-closes` runs it.

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

// ANCHOR: packing_closes
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: packing_closes
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: packing_closes
async fn shop(orders: mpsc::Sender<u32>) {
    for order in 1..=5 {
        // Waits while the channel's one slot is taken; fails once the
        // receiver is gone, handing the order back.
        if let Err(returned) = orders.send(order).await {
            say!("shop: order {} came back, packing has closed", returned.0);
            return;
        }
        say!("shop: order {order} sent");
    }
}

// ANCHOR_END: packing_closes
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: packing_closes
async fn packing(mut orders: mpsc::Receiver<u32>) {
    for _ in 0..2 {
        let order = orders.recv().await.expect("the shop is open");
        say!("packing: order {order}");
        // Packing takes 0.5 s; the thread is free meanwhile.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    say!("packing: closing for the day");
    // `orders`, the receiver, is dropped here.
}

// ANCHOR_END: packing_closes
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: packing_closes
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: packing_closes
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: packing_closes
    // One slot between the shop and packing.
    let (tx, rx) = mpsc::channel(1);
    // Two tasks; on this one thread they take turns at their `.await`s.
    let shop = tokio::spawn(shop(tx));
    let packing = tokio::spawn(packing(rx));
    shop.await.expect("the shop does not panic");
    packing.await.expect("packing does not panic");
}
// ANCHOR_END: packing_closes

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
