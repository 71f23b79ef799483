//! A solution of exercise `unsent-receipts`: the receipt tasks are spawned
//! into a `JoinSet`, and `main` waits for the ones still running after its
//! report, before it returns and the runtime drops whatever is left.
//! (Keeping each `JoinHandle` in a `Vec` and awaiting them one by one after
//! the report fixes it too; awaiting them *before* the report does not
//! overlap the two, and the shop closes 3 s late.)

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

// ANCHOR: unsent_receipts_solution
use std::time::Duration;
use tokio::task::JoinSet;

// ANCHOR_END: unsent_receipts_solution
#[cfg_attr(test, lesson_kit::lane(format!("order {order}")))]
// ANCHOR: unsent_receipts_solution
async fn send_receipt(order: u32, mail_server: Duration) {
    say!("order {order}: sending the receipt");
    // The mail server takes its time, longer for some orders.
    tokio::time::sleep(mail_server).await;
    say!("order {order}: receipt sent");
}

// ANCHOR_END: unsent_receipts_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: unsent_receipts_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: unsent_receipts_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: unsent_receipts_solution
    // The set owns the receipt tasks, so `main` can wait for them.
    let mut receipts = JoinSet::new();
    for (order, seconds) in [(1, 1), (2, 4), (3, 2)] {
        // Each receipt goes out in a task of its own, so that the report
        // need not wait for the mail server.
        receipts.spawn(send_receipt(order, Duration::from_secs(seconds)));
    }
    say!("shop: writing the end-of-day report");
    // The report takes 3 s; the runtime runs the receipt tasks meanwhile.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("shop: report written");
    // Pending until every receipt still out is sent: returning from `main`
    // now would drop those tasks with the runtime.
    while let Some(sent) = receipts.join_next().await {
        sent.expect("a receipt task does not panic");
    }
    say!("shop: closing");
}
// ANCHOR_END: unsent_receipts_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
