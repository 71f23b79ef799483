//! A solution of exercise `stalled-restock`: after moving to the next
//! state, `poll` goes on and polls the new state at once, in a loop, as the
//! compiler's state machine does, so the delivery timer is polled, gets the
//! waker, and wakes the task at `2.000s`.

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

// ANCHOR: stalled_restock_solution
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
        // Runs on to the next `.await` that is not ready: a state that
        // returns `Poll::Pending` must first have handed `cx`'s waker on.
        loop {
            match this {
                Restock::Start { item } => {
                    let item = *item;
                    say!("{item}: ordered from the supplier");
                    let delivery = Box::pin(sleep(Duration::from_secs(2)));
                    *this = Restock::Delivering { item, delivery };
                }
                Restock::Delivering { item, delivery } => {
                    // Polling the timer registers the waker with it.
                    if delivery.as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    say!("{item}: back in stock");
                    *this = Restock::Done;
                    return Poll::Ready(());
                }
                Restock::Done => panic!("`Restock` polled after completion"),
            }
        }
    }
}

// ANCHOR_END: stalled_restock_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stalled_restock_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stalled_restock_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stalled_restock_solution
    Restock::Start { item: "umbrellas" }.await;
    say!("shop: umbrellas on the shelf");
}
// ANCHOR_END: stalled_restock_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
