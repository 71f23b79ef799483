//! `thread-timer`: a timer future whose wake-up comes from another
//! thread. Its first poll keeps the task's waker in state shared with a
//! plain `std::thread`, and starts that thread, which sleeps, marks the
//! timer done and calls the waker. The runtime's thread is idle meanwhile,
//! and polls the timer again when the waker is called.
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

/// What the timer future and its thread share.
#[derive(Default)]
struct Alarm {
    done: bool,
    waker: Option<Waker>,
}

/// Ready `after` its first poll; a thread of its own does the waiting.
struct ThreadTimer {
    after: Duration,
    alarm: Arc<Mutex<Alarm>>,
    polls: u32,
}

impl Future for ThreadTimer {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.polls += 1;
        let polls = self.polls;
        let mut alarm = self
            .alarm
            .lock()
            .expect("no one panicked holding the alarm");
        if alarm.done {
            say!("timer: poll #{polls} Ready");
            return Poll::Ready(());
        }
        // The waker of this poll, for the thread to call (a `Waker` is
        // `Send`: any thread may call it).
        alarm.waker = Some(cx.waker().clone());
        if polls == 1 {
            say!("timer: poll #{polls} Pending, starting the timer thread");
            let alarm = Arc::clone(&self.alarm);
            let after = self.after;
            thread::spawn(move || {
                // Blocks this thread only; the runtime's thread is free.
                thread::sleep(after);
                let waker = {
                    let mut alarm = alarm.lock().expect("no one panicked holding the alarm");
                    alarm.done = true;
                    alarm.waker.take()
                };
                say!("timer thread: {after:?} up, calling the waker");
                // Schedules the task from this thread; the runtime's
                // thread wakes up and polls it.
                if let Some(waker) = waker {
                    waker.wake();
                }
            });
        } else {
            say!("timer: poll #{polls} Pending");
        }
        Poll::Pending
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
        after: Duration::from_secs(1),
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
