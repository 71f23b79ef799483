//! `thread-timer`: a timer future whose wake-ups come from another
//! thread. Each poll leaves the task's waker in state shared with a plain
//! `std::thread`, which the first poll starts: the thread ticks once a
//! second, three times, and at each tick calls the waker with
//! `wake_by_ref`, which leaves it the waker for the next tick. The
//! runtime's thread is idle meanwhile, and polls the timer each time.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-wakers -- thread-timer`.

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

// ANCHOR: thread_timer
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// What the timer future and its ticker thread share.
#[derive(Default)]
struct Alarm {
    ticks: u32,
    waker: Option<Waker>,
}

/// Ready after `ticks` ticks of one second; a thread of its own ticks.
struct ThreadTimer {
    ticks: u32,
    alarm: Arc<Mutex<Alarm>>,
    polls: u32,
}

impl Future for ThreadTimer {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.polls += 1;
        let (polls, wanted) = (self.polls, self.ticks);
        let mut alarm = self
            .alarm
            .lock()
            .expect("no one panicked holding the alarm");
        if alarm.ticks == wanted {
            say!("timer: poll #{polls} Ready");
            return Poll::Ready(());
        }
        // The waker of *this* poll, for the thread to call (a `Waker` is
        // `Send`: any thread may call it). Renewed at every poll: only the
        // latest poll's waker is sure to wake the task that polls us now.
        alarm.waker = Some(cx.waker().clone());
        if polls == 1 {
            say!("timer: poll #{polls} Pending, starting the ticker thread");
            let alarm = Arc::clone(&self.alarm);
            thread::spawn(move || ticker(wanted, &alarm));
        } else {
            say!(
                "timer: poll #{polls} Pending, {} of {wanted} ticks",
                alarm.ticks
            );
        }
        Poll::Pending
    }
}

/// The ticker thread: one tick a second, and a wake-up at each.
fn ticker(ticks: u32, alarm: &Mutex<Alarm>) {
    for tick in 1..=ticks {
        // Blocks this thread only; the runtime's thread is free.
        thread::sleep(Duration::from_secs(1));
        // Out of the slot, so that the waker is not called under the lock.
        let waker = {
            let mut alarm = alarm.lock().expect("no one panicked holding the alarm");
            alarm.ticks = tick;
            alarm.waker.take()
        };
        say!("ticker thread: tick {tick}, waking the task");
        if let Some(waker) = waker {
            // Schedules the task from this thread. `wake_by_ref` wakes
            // through a borrow, so the thread still has the waker after:
            // `wake()` would have consumed it.
            waker.wake_by_ref();
            // Back for the next tick, unless a poll has left a newer one
            // meanwhile: then that one is the waker to call.
            let mut alarm = alarm.lock().expect("no one panicked holding the alarm");
            alarm.waker.get_or_insert(waker);
        }
    }
}

// ANCHOR_END: thread_timer
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: thread_timer
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: thread_timer
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: thread_timer
    let timer = ThreadTimer {
        ticks: 3,
        alarm: Arc::default(),
        polls: 0,
    };
    timer.await;
    say!("main: the timer is done");
}
// ANCHOR_END: thread_timer

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
