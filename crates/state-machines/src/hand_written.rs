//! `hand-written`: the state machine that `async fn deliver` compiles to,
//! written out by hand as an `enum` with a variant for each place the
//! function can be (not started, suspended at each `.await`, returned), and
//! a `Future` impl whose `poll` moves it from one to the next. tokio polls
//! it like any future, and it prints what `async-fn` prints.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-state-machines -- hand-written`.

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

// ANCHOR: hand_written
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::{Sleep, sleep};

/// `async fn deliver(order: u32)`, by hand: one variant per state.
enum Deliver {
    /// Called, never polled: it holds the arguments, nothing has run.
    Start { order: u32 },
    /// Suspended at the first `.await`: what is alive there.
    Packing { order: u32, packed: Pin<Box<Sleep>> },
    /// Suspended at the second `.await`.
    Shipping {
        order: u32,
        shipped: Pin<Box<Sleep>>,
    },
    /// Returned. A future must not be polled after it completes.
    Done,
}

/// Calling it runs nothing, as calling an `async fn` runs nothing.
fn deliver(order: u32) -> Deliver {
    Deliver::Start { order }
}

impl Future for Deliver {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Each timer is boxed, so every field is `Unpin`, so `Deliver` is
        // `Unpin`, and the pinned `self` may be used as a plain `&mut`.
        let this = self.get_mut();
        // Runs the body from where it stopped to the next `.await` that is
        // not ready, exactly as far as the `async fn` would run.
        loop {
            match this {
                Deliver::Start { order } => {
                    let order = *order;
                    say!("order {order}: packing");
                    let packed = Box::pin(sleep(Duration::from_millis(500)));
                    *this = Deliver::Packing { order, packed };
                }
                Deliver::Packing { order, packed } => {
                    // `.await` is this: poll the inner future, and if it
                    // is pending, so are we (it has registered `cx`'s
                    // waker with the timer, which will wake our task).
                    if packed.as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    let order = *order;
                    say!("order {order}: shipping");
                    let shipped = Box::pin(sleep(Duration::from_secs(1)));
                    *this = Deliver::Shipping { order, shipped };
                }
                Deliver::Shipping { order, shipped } => {
                    if shipped.as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    say!("order {order}: delivered");
                    *this = Deliver::Done;
                    return Poll::Ready(());
                }
                Deliver::Done => panic!("`Deliver` polled after completion"),
            }
        }
    }
}

// ANCHOR_END: hand_written
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: hand_written
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: hand_written
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: hand_written
    // The same line as in `async-fn`: `.await` cannot tell the difference.
    deliver(7).await;
    say!("main: order 7 is home");
}
// ANCHOR_END: hand_written

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
