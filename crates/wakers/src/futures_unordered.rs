//! `futures-unordered`: the two deliveries of `join-spurious`, the same
//! hand-written futures, in a `futures::stream::FuturesUnordered` instead
//! of `join!`. The set polls each future with a waker of its own, so the
//! parcel's wake-up at 1 s polls the parcel only: the letter is polled
//! twice, not three times.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-wakers -- futures-unordered`.

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

// ANCHOR: futures_unordered
use futures::stream::{FuturesUnordered, StreamExt};
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

/// Ready once the courier has delivered this item.
struct Delivery {
    item: &'static str,
    slot: Arc<Mutex<Slot>>,
    polls: u32,
}

impl Future for Delivery {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.polls += 1;
        let (item, polls) = (self.item, self.polls);
        let mut slot = self.slot.lock().expect("no one panicked holding the slot");
        // Re-checks the condition at every poll: a poll is no proof that
        // this item's waker was called.
        if slot.delivered {
            say!("{item}: poll #{polls} Ready");
            return Poll::Ready(());
        }
        slot.waker = Some(cx.waker().clone());
        say!("{item}: poll #{polls} Pending");
        Poll::Pending
    }
}

fn deliver(item: &str, slot: &Mutex<Slot>) {
    let waker = {
        let mut slot = slot.lock().expect("no one panicked holding the slot");
        slot.delivered = true;
        slot.waker.take()
    };
    say!("courier: {item} delivered, calling its waker");
    if let Some(waker) = waker {
        waker.wake();
    }
}

// ANCHOR_END: futures_unordered
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: futures_unordered
async fn courier(parcel: Arc<Mutex<Slot>>, letter: Arc<Mutex<Slot>>) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    deliver("parcel", &parcel);
    tokio::time::sleep(Duration::from_secs(2)).await;
    deliver("letter", &letter);
}

// ANCHOR_END: futures_unordered
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: futures_unordered
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: futures_unordered
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: futures_unordered
    let (parcel, letter) = (Arc::default(), Arc::default());
    tokio::spawn(courier(Arc::clone(&parcel), Arc::clone(&letter)));
    // One task (`main`) still, but the set polls each delivery with a
    // waker of its own, which marks that delivery before waking `main`.
    let mut deliveries: FuturesUnordered<Delivery> = [("parcel", parcel), ("letter", letter)]
        .into_iter()
        .map(|(item, slot)| Delivery {
            item,
            slot,
            polls: 0,
        })
        .collect();
    // Each `next()` polls only the deliveries whose own waker was called.
    while let Some(()) = deliveries.next().await {}
    say!("main: both in");
}
// ANCHOR_END: futures_unordered

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
