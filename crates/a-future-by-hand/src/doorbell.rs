//! `doorbell`: a future written by hand. `Doorbell` implements `Future`
//! itself: each `poll` checks whether the courier has rung, and if not,
//! keeps the waker from its `Context` where the courier will find it, and
//! answers `Poll::Pending`. The courier, another task, rings after 2 s and
//! calls that waker, and only then is the door polled again. Each poll
//! prints its number.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-future-by-hand -- doorbell`.

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

// ANCHOR: doorbell
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// What the door and the courier share: whether the bell has rung, and
/// whom to wake when it does.
#[derive(Default)]
struct Bell {
    rung: bool,
    waker: Option<Waker>,
}

/// A future written by hand: ready once the courier has rung the bell.
struct Doorbell {
    bell: Arc<Mutex<Bell>>,
    polls: u32,
}

impl Future for Doorbell {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.polls += 1;
        let polls = self.polls;
        let mut bell = self.bell.lock().expect("no one panicked holding the bell");
        if bell.rung {
            say!("door: poll #{polls} Ready");
            return Poll::Ready(());
        }
        // Not yet. `Pending` is a promise: someone will wake the task that
        // polls us. Here that someone is the courier, so leave it the waker
        // of this poll's task, from the `Context`.
        bell.waker = Some(cx.waker().clone());
        say!("door: poll #{polls} Pending, waker left with the bell");
        Poll::Pending
    }
}

// ANCHOR_END: doorbell
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: doorbell
async fn courier(bell: Arc<Mutex<Bell>>) {
    // The courier's own wait: a tokio timer, which wakes the courier's task.
    tokio::time::sleep(Duration::from_secs(2)).await;
    // The waker is taken out under the lock and called after it: waking
    // runs the executor's code, and the task it wakes will lock the bell.
    let waker = {
        let mut bell = bell.lock().expect("no one panicked holding the bell");
        bell.rung = true;
        bell.waker.take()
    };
    say!("courier: rang the bell");
    // Schedules the task that awaits the door (`main`); it runs once this
    // task yields, and polls the door again.
    if let Some(waker) = waker {
        waker.wake();
    }
}

// ANCHOR_END: doorbell
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: doorbell
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: doorbell
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: doorbell
    let bell = Arc::new(Mutex::new(Bell::default()));
    tokio::spawn(courier(Arc::clone(&bell)));
    say!("main: waiting at the door");
    // `.await` polls the door, and again each time its waker is called.
    Doorbell { bell, polls: 0 }.await;
    say!("main: parcel in");
}
// ANCHOR_END: doorbell

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
