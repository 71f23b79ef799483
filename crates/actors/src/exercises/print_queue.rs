//! Exercise `print-queue` (predict the output): a printer actor with a
//! mailbox of one, and two offices that each send it two documents.
//! Write down what it prints, in order, with the time of each line, before
//! you run it: `cargo xtask exercise print-queue` checks your prediction,
//! and `cargo run -p lesson-actors -- print-queue` runs it.

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

// ANCHOR: print_queue
use std::time::Duration;

use tokio::sync::mpsc;

// ANCHOR_END: print_queue
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: print_queue
async fn printer(mut jobs: mpsc::Receiver<&'static str>) {
    // One document at a time, until no sender is left and the mailbox is empty.
    while let Some(doc) = jobs.recv().await {
        say!("printer: printing {doc}");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    say!("printer: stopped");
}

// ANCHOR_END: print_queue
#[cfg_attr(test, lesson_kit::lane(office))]
// ANCHOR: print_queue
async fn office(office: &'static str, jobs: mpsc::Sender<&'static str>, docs: [&'static str; 2]) {
    for doc in docs {
        // Waits while the mailbox is full.
        jobs.send(doc).await.expect("the printer is running");
        say!("{office}: {doc} queued");
    }
    // `jobs`, this office's sender, is dropped here.
}

// ANCHOR_END: print_queue
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: print_queue
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: print_queue
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: print_queue
    // A mailbox with room for one waiting document.
    let (jobs, mailbox) = mpsc::channel(1);
    let printer = tokio::spawn(printer(mailbox));
    let ann = tokio::spawn(office("ann", jobs.clone(), ["memo", "invoice"]));
    let bob = tokio::spawn(office("bob", jobs, ["poster", "map"]));
    // Each await yields until that task has ended.
    ann.await.expect("ann's office does not panic");
    bob.await.expect("bob's office does not panic");
    say!("main: both offices done");
    printer.await.expect("the printer does not panic");
    say!("main: the printer has ended");
}
// ANCHOR_END: print_queue

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
