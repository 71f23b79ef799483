//! Exercise `silent-locker` (fix the bug): the customer's pickup task waits
//! for a parcel locker that the courier fills after 2 s. The courier fills
//! it on time, but the pickup never notices, and the program hangs until
//! the exercise's tripwire stops it. Make the pickup collect the parcel
//! the moment the courier fills the locker.
//!
//! Check your fix with `cargo xtask exercise silent-locker`, which copies
//! this file to `exercises/silent-locker.rs` for you to edit.

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

// ANCHOR: silent_locker
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

#[derive(Default)]
struct Slot {
    parcel: Option<&'static str>,
    waker: Option<Waker>,
}

/// Ready with the parcel once the courier has filled the locker.
struct Locker(Arc<Mutex<Slot>>);

impl Future for Locker {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&'static str> {
        let mut locker = self.0.lock().expect("no one panicked holding the locker");
        if let Some(parcel) = locker.parcel.take() {
            return Poll::Ready(parcel);
        }
        say!("locker: empty, Pending");
        // Empty: the courier will tell us when it is filled.
        Poll::Pending
    }
}

// ANCHOR_END: silent_locker
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: silent_locker
async fn pickup(locker: Locker) {
    let parcel = locker.await;
    say!("pickup: collected {parcel}");
}

// ANCHOR_END: silent_locker
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: silent_locker
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: silent_locker
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: silent_locker
    let slot = Arc::new(Mutex::new(Slot::default()));
    let customer = tokio::spawn(pickup(Locker(Arc::clone(&slot))));
    // The courier: fills the locker after 2 s, and wakes whoever waits.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let waker = {
        let mut locker = slot.lock().expect("no one panicked holding the locker");
        locker.parcel = Some("a pair of boots");
        locker.waker.take()
    };
    say!("courier: locker filled");
    if let Some(waker) = waker {
        waker.wake();
    }
    customer.await.expect("the pickup task does not panic");
    say!("main: done");
}
// ANCHOR_END: silent_locker

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
