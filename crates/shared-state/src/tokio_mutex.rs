//! `tokio-mutex`: one receipt printer, shared by three tasks. Printing is
//! an `.await` that must happen while holding the printer, so the lock is
//! a `tokio::sync::Mutex`, whose guard may be held across `.await`; the
//! tasks wait their turn, in the order they asked.

use std::sync::Arc;
use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::Mutex;

// ANCHOR: tokio_mutex
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

pub async fn run() {
    let printer = Arc::new(Mutex::new(Printer { printed: 0 }));
    let tasks: Vec<_> = ["alice", "bob", "carol"]
        .into_iter()
        // Three tasks, each with a handle to the same printer.
        .map(|customer| tokio::spawn(checkout(Arc::clone(&printer), customer).lane(customer)))
        .collect();
    for task in tasks {
        // Waits for each task in turn.
        task.await.expect("a checkout task does not panic");
    }
}
// ANCHOR_END: tokio_mutex
