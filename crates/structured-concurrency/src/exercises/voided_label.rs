//! Exercise `voided-label` (predict the output): a shipment's three jobs
//! in a `JoinSet`, left by `?` at 1 s. Write down what it prints, in
//! order, with the time of each line, before you run it: `cargo xtask
//! exercise voided-label` checks your prediction, and `cargo run -p
//! lesson-structured-concurrency -- voided-label` runs it.

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

// ANCHOR: voided_label
use std::time::Duration;

use tokio::task::JoinSet;

/// A printed shipping label; dropping it unused voids it.
struct Label(&'static str);

impl Drop for Label {
    fn drop(&mut self) {
        say!("shipping: label {} voided", self.0);
    }
}

// ANCHOR_END: voided_label
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: voided_label
async fn send_invoice() -> Result<(), String> {
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("invoice: sent");
    Ok(())
}

// ANCHOR_END: voided_label
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: voided_label
async fn hand_to_courier() -> Result<(), String> {
    let label = Label("A17");
    // The courier comes in 3 s; the label lives across this `.await`.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("shipping: label {} handed to the courier", label.0);
    Ok(())
}

// ANCHOR_END: voided_label
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: voided_label
async fn clear_customs() -> Result<(), String> {
    tokio::time::sleep(Duration::from_secs(1)).await;
    Err("customs: form rejected".to_string())
}

async fn ship() -> Result<(), String> {
    let mut jobs = JoinSet::new();
    jobs.spawn(send_invoice());
    jobs.spawn(hand_to_courier());
    jobs.spawn(clear_customs());
    while let Some(job) = jobs.join_next().await {
        job.expect("no job panics")?;
    }
    say!("ship: all done");
    Ok(())
}

// ANCHOR_END: voided_label
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: voided_label
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: voided_label
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: voided_label
    if let Err(error) = ship().await {
        say!("main: shipment failed ({error})");
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: voided_label

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
