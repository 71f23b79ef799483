//! The solution of exercise `busy-customer`: the timeout is on each line,
//! so it measures the silence since the last one.

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

// ANCHOR: busy_customer_solution
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

const IDLE: Duration = Duration::from_secs(1);

/// A connection: serves each line; a customer silent for `IDLE` is cut off.
async fn connection(who: &'static str, mut lines: mpsc::Receiver<&'static str>) {
    // The idle timer starts afresh for each line.
    loop {
        match timeout(IDLE, lines.recv()).await {
            Ok(Some(line)) => say!("connection {who}: served {line}"),
            Ok(None) => return say!("connection {who}: the customer left"),
            Err(_) => return say!("connection {who}: idle for 1 s, closing"),
        }
    }
}

/// A customer: a request every 400 ms, then silence with the connection
/// still open, until the service closes it.
async fn customer(who: &'static str, send: mpsc::Sender<&'static str>, requests: &[&'static str]) {
    for &line in requests {
        sleep(Duration::from_millis(400)).await;
        // Fails once the connection has ended (its receiver is dropped).
        if send.send(line).await.is_err() {
            say!("{who}: cut off before {line}");
            return;
        }
    }
    // Silent now, but still connected: only the service can end the visit.
    send.closed().await;
    say!("{who}: the service closed the connection");
}

// ANCHOR_END: busy_customer_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: busy_customer_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: busy_customer_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: busy_customer_solution
    let (to_ann, from_ann) = mpsc::channel(4);
    let (to_ben, from_ben) = mpsc::channel(4);
    // Each connection is a task, as in the service.
    let ann = tokio::spawn(connection("ann", from_ann));
    let ben = tokio::spawn(connection("ben", from_ben));
    tokio::join!(
        // Busy: four requests, 400 ms apart, never silent for 1 s; then silent.
        customer(
            "ann",
            to_ann,
            &["GET apple", "RESERVE apple 1", "GET pear", "RESERVE pear 1"]
        ),
        // Brief: one request, then silent.
        customer("ben", to_ben, &["GET pear"]),
    );
    ann.await.expect("the connection does not panic");
    ben.await.expect("the connection does not panic");
    say!("main: exit");
}
// ANCHOR_END: busy_customer_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
