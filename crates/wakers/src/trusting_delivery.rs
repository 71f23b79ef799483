//! `trusting-delivery`: `join-spurious` with one change, a bug: the
//! delivery takes its second poll for proof that it was delivered. At 1 s
//! the parcel's wake-up polls the letter too (one waker for all `join!`
//! branches), and the letter answers `Ready`, two seconds before the
//! courier delivers it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-wakers -- trusting-delivery`.

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

// ANCHOR: trusting_delivery
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

/// Meant to be ready once the courier has delivered this item.
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
        // The bug: "polled again, so I was woken, so it was delivered".
        // It does not look at `slot.delivered`.
        if polls > 1 {
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

// ANCHOR_END: trusting_delivery
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: trusting_delivery
async fn courier(parcel: Arc<Mutex<Slot>>, letter: Arc<Mutex<Slot>>) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    deliver("parcel", &parcel);
    tokio::time::sleep(Duration::from_secs(2)).await;
    deliver("letter", &letter);
}

// ANCHOR_END: trusting_delivery
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: trusting_delivery
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: trusting_delivery
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: trusting_delivery
    let (parcel, letter): (Arc<Mutex<Slot>>, _) = (Arc::default(), Arc::default());
    tokio::spawn(courier(Arc::clone(&parcel), Arc::clone(&letter)));
    let letter_slot = Arc::clone(&letter);
    // As in `join-spurious`: both branches keep `main`'s waker, so the
    // parcel's wake-up polls the letter too.
    tokio::join!(
        Delivery {
            item: "parcel",
            slot: parcel,
            polls: 0
        },
        Delivery {
            item: "letter",
            slot: letter,
            polls: 0
        },
    );
    let delivered = letter_slot
        .lock()
        .expect("no one panicked holding the slot")
        .delivered;
    say!("main: both in; was the letter delivered? {delivered}");
}
// ANCHOR_END: trusting_delivery

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
