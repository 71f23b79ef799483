//! Exercise `early-courier` (predict the output): the courier rings before
//! anyone waits at the door. Write down what it prints, in order, with the
//! time of each line, before you run it: `cargo xtask exercise
//! early-courier` checks your prediction, and `cargo run -p
//! lesson-a-future-by-hand -- early-courier` runs it.

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

// ANCHOR: early_courier
use std::future::poll_fn;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::time::Duration;

#[derive(Default)]
struct Bell {
    rung: bool,
    waker: Option<Waker>,
}

// ANCHOR_END: early_courier
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: early_courier
async fn courier(bell: Arc<Mutex<Bell>>) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let waker = {
        let mut bell = bell.lock().expect("no one panicked holding the bell");
        bell.rung = true;
        bell.waker.take()
    };
    match waker {
        Some(waker) => {
            say!("courier: rang, waking the door");
            waker.wake();
        }
        None => say!("courier: rang, nobody waiting"),
    }
}

// ANCHOR_END: early_courier
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: early_courier
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: early_courier
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: early_courier
    let bell = Arc::new(Mutex::new(Bell::default()));
    tokio::spawn(courier(Arc::clone(&bell)));
    // Waits 3 s in the kitchen: the door is not being awaited yet.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: at the door");
    let mut polls = 0;
    poll_fn(|cx| {
        polls += 1;
        let mut bell = bell.lock().expect("no one panicked holding the bell");
        if bell.rung {
            say!("door: poll #{polls} Ready");
            return Poll::Ready(());
        }
        bell.waker = Some(cx.waker().clone());
        say!("door: poll #{polls} Pending");
        Poll::Pending
    })
    .await;
}
// ANCHOR_END: early_courier

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
