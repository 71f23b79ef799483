//! A solution of exercise `lost-confirmations`: the tasks are spawned into
//! a `JoinSet`, and `main`, once its log is written, waits for them with
//! `join_all()`. (Keeping the `JoinHandle`s in a `Vec` and awaiting each
//! one after the log fixes it too; awaiting each handle right after its
//! `spawn` would send the e-mails one at a time.)

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

// ANCHOR: lost_confirmations_solution
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: lost_confirmations_solution
#[cfg_attr(test, lesson_kit::lane(customer))]
// ANCHOR: lost_confirmations_solution
async fn send_confirmation(customer: &'static str, millis: u64) {
    say!("{customer}: sending the confirmation");
    // The mail server takes its time; the other tasks run meanwhile.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    say!("{customer}: confirmation sent");
}

// ANCHOR_END: lost_confirmations_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: lost_confirmations_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: lost_confirmations_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: lost_confirmations_solution
    // The set keeps every task's handle, so none is forgotten.
    let mut emails = JoinSet::new();
    for (customer, millis) in [("ada", 800), ("grace", 1200), ("linus", 500)] {
        // Each e-mail is sent by a task of its own, all at once.
        emails.spawn(send_confirmation(customer, millis));
    }
    // Meanwhile, `main` writes the order log, which takes 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("main: order log written");
    // Waits for the e-mails still being sent (it panics if a task did).
    emails.join_all().await;
    say!("main: every confirmation sent; exiting");
}
// ANCHOR_END: lost_confirmations_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
