//! `tokio-mutex`: one receipt printer, shared by three tasks. Printing is
//! an `.await` that must happen while holding the printer, so the lock is
//! a `tokio::sync::Mutex`, whose guard may be held across `.await`; the
//! tasks wait their turn, in the order they asked.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-shared-state -- tokio-mutex`.

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

// ANCHOR: tokio_mutex
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::task::JoinSet;

/// The one printer; printing a receipt takes 1 s.
struct Printer {
    printed: u32,
}

impl Printer {
    async fn print(&mut self, customer: &str) {
        // Sending to the device: a real wait, the thread is free.
        tokio::time::sleep(Duration::from_secs(1)).await;
        self.printed += 1;
        say!("{customer}: receipt printed (#{})", self.printed);
    }
}

// ANCHOR_END: tokio_mutex
#[cfg_attr(test, lesson_kit::lane(customer))]
// ANCHOR: tokio_mutex
async fn checkout(printer: Arc<Mutex<Printer>>, customer: &str) {
    say!("{customer}: waiting for the printer");
    // Waits without blocking the thread until the printer is free; the
    // waiters are served first come, first served.
    let mut printer = printer.lock().await;
    say!("{customer}: got the printer");
    // Holding a tokio guard across this `.await` is fine: the guard is
    // `Send`, and the other tasks wait in `lock().await`, not in a spin.
    printer.print(customer).await;
    // The guard is dropped here, which wakes the next waiter.
}

// ANCHOR_END: tokio_mutex
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: tokio_mutex
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: tokio_mutex
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: tokio_mutex
    let printer = Arc::new(Mutex::new(Printer { printed: 0 }));
    let mut checkouts = JoinSet::new();
    for customer in ["alice", "bob", "carol"] {
        // Three tasks, each with a handle to the same printer.
        checkouts.spawn(checkout(Arc::clone(&printer), customer));
    }
    // Takes each task's result as it finishes.
    while let Some(finished) = checkouts.join_next().await {
        finished.expect("a checkout task does not panic");
    }
}
// ANCHOR_END: tokio_mutex

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
