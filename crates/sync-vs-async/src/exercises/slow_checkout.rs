//! Exercise `slow-checkout` (fix the bug): the shop charges three orders'
//! cards at once, with `join!`, and the bank takes 1 s to answer each. So
//! the checkout should be over at `1.000s`, but it takes 3 s: each payment
//! waits for the bank in a way that holds the thread, and the next one
//! cannot even start. Make the three waits overlap, so that every payment
//! begins at `0.000s` and is paid 1 s later (the bank still takes its 1 s),
//! on the runtime's one thread: no `spawn_blocking`, a later chapter's tool.
//!
//! Check your fix with `cargo xtask exercise slow-checkout`, which copies
//! this file to `exercises/slow-checkout.rs` for you to edit.

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

// ANCHOR: slow_checkout
use std::time::Duration;

// ANCHOR_END: slow_checkout
#[cfg_attr(test, lesson_kit::lane(format!("order {order}")))]
// ANCHOR: slow_checkout
async fn charge(order: u32) {
    say!("order {order}: charging the card");
    // Waits the 1 s the bank takes to answer.
    thread::sleep(Duration::from_secs(1));
    say!("order {order}: paid");
}

// ANCHOR_END: slow_checkout
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: slow_checkout
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: slow_checkout
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: slow_checkout
    // Joined, so that the three payments wait for the bank at once.
    tokio::join!(charge(1), charge(2), charge(3));
    say!("checkout: all three orders paid");
}
// ANCHOR_END: slow_checkout

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
