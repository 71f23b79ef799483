//! `block-on`: the smallest executor there is. `block_on` polls one
//! future; while it is pending, the thread parks, and the future's waker
//! (a `std::task::Wake` that unparks the thread) brings it back to poll
//! again. Here the waker is woken from another thread, which delivers a
//! report after 2 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-an-executor -- block-on`.

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

// ANCHOR: block_on
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use futures::channel::oneshot;

/// The waker: waking it unparks the thread that waits in `block_on`.
struct Unparker(thread::Thread);

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Polls `future` until it is ready; in between, the thread sleeps.
fn block_on<F: Future>(future: F) -> (F::Output, u32) {
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    let mut polls = 0;
    loop {
        polls += 1;
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return (output, polls),
            // Pending: the future has kept `cx`'s waker; park until
            // someone wakes it (a spurious return just polls once more).
            Poll::Pending => thread::park(),
        }
    }
}

// ANCHOR_END: block_on
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: block_on
async fn fetch_report() -> String {
    let (sender, report) = oneshot::channel();
    // The "network": a thread that answers after 2 s.
    thread::spawn(move || {
        thread::sleep(Duration::from_secs(2));
        say!("network thread: report ready; sending it wakes the waker");
        sender.send("report.pdf".to_string()).unwrap();
    });
    // Pending on the first poll: the receiver keeps the waker.
    let report = report.await.expect("the network thread sends");
    say!("fetch_report: polled again, got {report}");
    report
}

// ANCHOR_END: block_on
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: block_on
fn main() {
    // ANCHOR_END: block_on
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: block_on
    say!("main: block_on(fetch_report())");
    let (report, polls) = block_on(fetch_report());
    say!("main: block_on returned {report} after {polls} polls");
}
// ANCHOR_END: block_on

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
