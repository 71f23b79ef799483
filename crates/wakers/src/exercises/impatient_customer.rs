//! Exercise `impatient-customer` (predict the output): a hand-written
//! delivery, awaited with a 2 s timeout, while the courier needs 3 s.
//! Write down what it prints, in order, with the time of each line, before
//! you run it: `cargo xtask exercise impatient-customer` checks your
//! prediction, and `cargo run -p lesson-wakers -- impatient-customer` runs
//! it.

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

// ANCHOR: impatient_customer
use std::future::poll_fn;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::time::Duration;

#[derive(Default)]
struct Slot {
    delivered: bool,
    waker: Option<Waker>,
}

// ANCHOR_END: impatient_customer
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: impatient_customer
async fn courier(slot: Arc<Mutex<Slot>>) {
    tokio::time::sleep(Duration::from_secs(3)).await;
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

// ANCHOR_END: impatient_customer
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: impatient_customer
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: impatient_customer
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: impatient_customer
    let slot = Arc::new(Mutex::new(Slot::default()));
    tokio::spawn(courier(Arc::clone(&slot)));
    let mut polls = 0;
    let delivery = poll_fn(|cx| {
        polls += 1;
        let mut slot = slot.lock().expect("no one panicked holding the slot");
        if slot.delivered {
            say!("delivery: poll #{polls} Ready");
            return Poll::Ready(());
        }
        slot.waker = Some(cx.waker().clone());
        say!("delivery: poll #{polls} Pending");
        Poll::Pending
    });
    match tokio::time::timeout(Duration::from_secs(2), delivery).await {
        Ok(()) => say!("main: got the parcel"),
        Err(_elapsed) => say!("main: gave up waiting"),
    }
}
// ANCHOR_END: impatient_customer

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
