//! `spawn-budget`: a spawned task starts at the spawner's first `.await`
//! that returns Pending, and tokio's cooperative budget makes even a ready
//! resource return Pending once a task has used up its 128 units: here
//! after 128 `recv`s of messages that were all waiting.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-futures-are-lazy -- spawn-budget`.

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

// ANCHOR: spawn_budget
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::mpsc;

// ANCHOR_END: spawn_budget
#[cfg_attr(test, lesson_kit::lane("logger task"))]
// ANCHOR: spawn_budget
async fn logger(received: Arc<AtomicUsize>) {
    let so_far = received.load(Ordering::Relaxed);
    say!("logger: started; main has received {so_far} messages so far");
}

// ANCHOR_END: spawn_budget
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawn_budget
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: spawn_budget
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawn_budget
    // 200 messages, all sent before anyone receives: every `recv` below
    // finds one waiting.
    let (tx, mut rx) = mpsc::unbounded_channel();
    for message in 0..200 {
        tx.send(message).expect("the receiver is alive");
    }
    drop(tx);

    let received = Arc::new(AtomicUsize::new(0));
    tokio::spawn(logger(received.clone()));
    say!("main: spawned the logger task; 200 messages are waiting");
    // No `recv` has to wait, yet one of them returns Pending: each ready
    // `recv` spends one unit of this task's budget, and once it is spent,
    // `recv` returns Pending and the runtime runs the logger.
    while let Some(_message) = rx.recv().await {
        received.fetch_add(1, Ordering::Relaxed);
    }
    say!("main: received all 200 messages");
}
// ANCHOR_END: spawn_budget

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
