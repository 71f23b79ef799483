//! Exercise `stalled-restock` (fix the bug): a hand-written future for an
//! `async fn restock(item)` that orders from the supplier and waits 2 s for
//! the delivery. Yet the shop waits forever: nothing ever polls the future
//! again after its first poll. Make it finish, at `2.000s`.
//!
//! Check your fix with `cargo xtask exercise stalled-restock`, which
//! copies this file to `exercises/stalled-restock.rs` for you to edit.

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

// ANCHOR: stalled_restock
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::{Sleep, sleep};

/// `async fn restock(item)`, by hand: one variant per state.
enum Restock {
    Start {
        item: &'static str,
    },
    Delivering {
        item: &'static str,
        delivery: Pin<Box<Sleep>>,
    },
    Done,
}

impl Future for Restock {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        match this {
            Restock::Start { item } => {
                let item = *item;
                say!("{item}: ordered from the supplier");
                let delivery = Box::pin(sleep(Duration::from_secs(2)));
                *this = Restock::Delivering { item, delivery };
                // Not done yet: the delivery takes 2 s.
                Poll::Pending
            }
            Restock::Delivering { item, delivery } => {
                if delivery.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                say!("{item}: back in stock");
                *this = Restock::Done;
                Poll::Ready(())
            }
            Restock::Done => panic!("`Restock` polled after completion"),
        }
    }
}

// ANCHOR_END: stalled_restock
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stalled_restock
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stalled_restock
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stalled_restock
    Restock::Start { item: "umbrellas" }.await;
    say!("shop: umbrellas on the shelf");
}
// ANCHOR_END: stalled_restock

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
