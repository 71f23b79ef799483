//! Exercise `billing-inbox` (predict the output): a synchronous billing
//! program with a `current_thread` runtime of its own, and a meter on a
//! plain thread that reaches that runtime through its `Handle`. Write
//! down what it prints, in order, with the time of each line, before you
//! run it: `cargo xtask exercise billing-inbox` checks your prediction,
//! and `cargo run -p lesson-bridging-sync-and-async -- billing-inbox` runs
//! it.

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

// ANCHOR: billing_inbox
use std::time::Duration;

use tokio::runtime::Builder;
use tokio::sync::mpsc;

// ANCHOR_END: billing_inbox
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: billing_inbox
fn main() {
    // ANCHOR_END: billing_inbox
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: billing_inbox
    // A plain `fn main`, with a runtime of its own: one thread, this one.
    let runtime = Builder::new_current_thread().build().expect("builds");
    let handle = runtime.handle().clone();
    let (readings, mut inbox) = mpsc::channel(8);
    let meter = thread::spawn(move || {
        // Runs this future here, on the meter's thread, to its end.
        handle.block_on(readings.send(42)).expect("billing listens");
        say!("meter: reading 42 sent");
        // Puts a task on the runtime, and returns at once.
        handle.spawn(async move { readings.send(43).await.expect("billing listens") });
        say!("meter: reading 43 handed to a task");
    });
    meter.join().expect("the meter does not panic");
    // A second of synchronous work on this thread.
    thread::sleep(Duration::from_secs(1));
    say!("billing: first try_recv: {:?}", inbox.try_recv());
    say!("billing: second try_recv: {:?}", inbox.try_recv());
    // Runs the runtime on this thread until a reading comes.
    let reading = runtime.block_on(inbox.recv());
    say!("billing: block_on(recv): {reading:?}");
}
// ANCHOR_END: billing_inbox

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
