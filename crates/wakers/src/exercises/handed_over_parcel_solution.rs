//! A solution of exercise `handed-over-parcel`: the delivery keeps the
//! waker of its latest poll. Its first poll was `main`'s; once the porter
//! task polls it, the porter's waker replaces it, so the courier wakes the
//! porter.

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

// ANCHOR: handed_over_parcel_solution
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
        // Keeps the waker of *this* poll: the future may have moved to
        // another task since the last one. (`will_wake` spares a clone when
        // it is the same task's waker.)
        match &slot.waker {
            Some(waker) if waker.will_wake(cx.waker()) => {}
            _ => slot.waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}

// ANCHOR_END: handed_over_parcel_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: handed_over_parcel_solution
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

// ANCHOR_END: handed_over_parcel_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: handed_over_parcel_solution
async fn porter(delivery: Delivery) {
    delivery.await;
    say!("porter: signed for the parcel");
}

// ANCHOR_END: handed_over_parcel_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: handed_over_parcel_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: handed_over_parcel_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: handed_over_parcel_solution
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
// ANCHOR_END: handed_over_parcel_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
