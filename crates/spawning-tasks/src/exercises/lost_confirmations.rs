//! Exercise `lost-confirmations` (fix the bug): three customers get a
//! confirmation e-mail, each sent by a task of its own while `main` writes
//! the order log. But `main` never waits for the tasks: it returns when the
//! log is written, and the runtime drops the e-mail still being sent. Make
//! every confirmation go out, the three still sent at once, and `main`
//! end as soon as the last one is out.
//!
//! Check your fix with `cargo xtask exercise lost-confirmations`, which
//! copies this file to `exercises/lost-confirmations.rs` for you to edit.

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

// ANCHOR: lost_confirmations
use std::time::Duration;

// ANCHOR_END: lost_confirmations
#[cfg_attr(test, lesson_kit::lane(customer))]
// ANCHOR: lost_confirmations
async fn send_confirmation(customer: &'static str, millis: u64) {
    say!("{customer}: sending the confirmation");
    // The mail server takes its time; the other tasks run meanwhile.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    say!("{customer}: confirmation sent");
}

// ANCHOR_END: lost_confirmations
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: lost_confirmations
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: lost_confirmations
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: lost_confirmations
    for (customer, millis) in [("ada", 800), ("grace", 1200), ("linus", 500)] {
        // Each e-mail is sent by a task of its own, all at once.
        tokio::spawn(send_confirmation(customer, millis));
    }
    // Meanwhile, `main` writes the order log, which takes 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("main: order log written; exiting");
    // Returning drops the runtime, and with it every task still running.
}
// ANCHOR_END: lost_confirmations

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
