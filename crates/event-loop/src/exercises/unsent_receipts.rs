//! Exercise `unsent-receipts` (fix the bug): at the end of the day the shop
//! sends each order's receipt in a task of its own, and writes its report
//! meanwhile, then closes. The mail server is slow for order 2, and its
//! receipt is never sent. Make the shop send every receipt before it
//! closes, and close as soon as the last one is sent, at `4.000s`.
//!
//! Check your fix with `cargo xtask exercise unsent-receipts`, which
//! copies this file to `exercises/unsent-receipts.rs` for you to edit.

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

// ANCHOR: unsent_receipts
use std::time::Duration;

// ANCHOR_END: unsent_receipts
#[cfg_attr(test, lesson_kit::lane(format!("order {order}")))]
// ANCHOR: unsent_receipts
async fn send_receipt(order: u32, mail_server: Duration) {
    say!("order {order}: sending the receipt");
    // The mail server takes its time, longer for some orders.
    tokio::time::sleep(mail_server).await;
    say!("order {order}: receipt sent");
}

// ANCHOR_END: unsent_receipts
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: unsent_receipts
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: unsent_receipts
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: unsent_receipts
    for (order, seconds) in [(1, 1), (2, 4), (3, 2)] {
        // Each receipt goes out in a task of its own, so that the report
        // need not wait for the mail server.
        tokio::spawn(send_receipt(order, Duration::from_secs(seconds)));
    }
    say!("shop: writing the end-of-day report");
    // The report takes 3 s; the runtime runs the receipt tasks meanwhile.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("shop: report written");
    say!("shop: closing");
}
// ANCHOR_END: unsent_receipts

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
