//! `block-on-by-hand`: no tokio at all. A `block_on` written by hand
//! polls one future on the calling thread and, on `Pending`, parks that
//! thread. Its waker is built with the `std::task::Wake` trait: waking it
//! unparks the thread. The future's wake-up comes from a kitchen thread.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-wakers -- block-on-by-hand`.

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: block_on_by_hand
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;
use std::time::Duration;

/// A waker that unparks the thread running `block_on`.
struct Unparker(Thread);

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        say!("waker: unparking the executor's thread");
        self.0.unpark();
    }
}

/// Polls `future` on this thread until it is ready, parking in between.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        // Sleeps until `unpark`; returns at once if it came first. (It may
        // also return spuriously: the loop polls again, and the future
        // re-checks.)
        thread::park();
    }
}

// ANCHOR_END: block_on_by_hand
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: block_on_by_hand
fn main() {
    // ANCHOR_END: block_on_by_hand
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: block_on_by_hand
    let ready = Arc::new(AtomicBool::new(false));
    let mut polls = 0;
    let order = poll_fn(|cx| {
        polls += 1;
        if ready.load(Ordering::SeqCst) {
            say!("order: poll #{polls} Ready");
            return Poll::Ready("soup");
        }
        if polls == 1 {
            say!("order: poll #{polls} Pending, sent to the kitchen");
            let (ready, waker) = (Arc::clone(&ready), cx.waker().clone());
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(1500));
                ready.store(true, Ordering::SeqCst);
                say!("kitchen thread: soup's ready");
                waker.wake();
            });
        }
        Poll::Pending
    });
    let dish = block_on(order);
    say!("main: served {dish}");
}
// ANCHOR_END: block_on_by_hand

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
