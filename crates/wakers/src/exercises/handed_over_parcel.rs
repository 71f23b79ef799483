//! Exercise `handed-over-parcel` (fix the bug): the customer waits 1 s
//! at the door for a delivery, a hand-written future, then hands it over
//! to the porter, a task of its own, and waits for the porter. The courier
//! delivers at 2 s and calls the waker it finds, but the porter never
//! signs for the parcel, and the program hangs until the exercise's
//! tripwire stops it. Make the porter sign at 2 s, by changing only
//! `Delivery::poll`: the hand-over to another task is the point.
//!
//! Check your fix with `cargo xtask exercise handed-over-parcel`, which
//! copies this file to `exercises/handed-over-parcel.rs` for you to edit.

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

// ANCHOR: handed_over_parcel
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

#[derive(Default)]
struct Slot {
    delivered: bool,
    waker: Option<Waker>,
}

struct Delivery(Arc<Mutex<Slot>>);

impl Future for Delivery {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut slot = self.0.lock().expect("no one panicked holding the slot");
        if slot.delivered {
            return Poll::Ready(());
        }
        // Keeps a waker to call when the parcel comes.
        if slot.waker.is_none() {
            slot.waker = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}

// ANCHOR_END: handed_over_parcel
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: handed_over_parcel
async fn courier(slot: Arc<Mutex<Slot>>) {
    tokio::time::sleep(Duration::from_secs(2)).await;
    let waker = {
        let mut slot = slot.lock().expect("no one panicked holding the slot");
        slot.delivered = true;
        slot.waker.take()
    };
    say!("courier: delivered");
    // Woken with the lock dropped: the woken task's poll takes it.
    if let Some(waker) = waker {
        waker.wake();
    }
}

// ANCHOR_END: handed_over_parcel
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: handed_over_parcel
async fn porter(delivery: Delivery) {
    delivery.await;
    say!("porter: signed for the parcel");
}

// ANCHOR_END: handed_over_parcel
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: handed_over_parcel
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: handed_over_parcel
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: handed_over_parcel
    let slot = Arc::new(Mutex::new(Slot::default()));
    tokio::spawn(courier(Arc::clone(&slot)));
    let mut delivery = Delivery(slot);
    // Waits at the door for 1 s; `&mut` keeps the delivery for later.
    tokio::select! {
        () = &mut delivery => say!("main: got it at the door"),
        () = tokio::time::sleep(Duration::from_secs(1)) => {
            say!("main: leaving it to the porter");
            // The delivery moves into another task, which polls it next.
            let porter = tokio::spawn(porter(delivery));
            porter.await.expect("the porter does not panic");
        }
    }
    say!("main: done");
}
// ANCHOR_END: handed_over_parcel

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
