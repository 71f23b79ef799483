//! Exercise `last-apples` (predict the output): three customers ask one
//! stock keeper actor, 5 apples, for 2, 4 and 3 at once. Which lines, when?
//!
//! Check your prediction with `cargo xtask exercise last-apples`.

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

// ANCHOR: last_apples
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep;

/// The stock keeper: one order at a time, 100 ms each.
async fn keeper(mut inbox: mpsc::Receiver<(&'static str, u32, oneshot::Sender<String>)>) {
    let mut apples = 5;
    while let Some((who, n, reply)) = inbox.recv().await {
        // Checking the shelf takes a while; nobody else is served meanwhile.
        sleep(Duration::from_millis(100)).await;
        let answer = if apples >= n {
            apples -= n;
            format!("reserved {n}, {apples} left")
        } else {
            format!("only {apples} left")
        };
        let _ = reply.send(format!("{who}: {answer}"));
    }
}

async fn customer(
    who: &'static str,
    n: u32,
    mailbox: mpsc::Sender<(&'static str, u32, oneshot::Sender<String>)>,
) {
    let (reply, answer) = oneshot::channel();
    mailbox
        .send((who, n, reply))
        .await
        .expect("the keeper runs");
    say!("{}", answer.await.expect("the keeper replies"));
}

// ANCHOR_END: last_apples
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: last_apples
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: last_apples
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: last_apples
    let (mailbox, inbox) = mpsc::channel(1);
    tokio::spawn(keeper(inbox));
    tokio::join!(
        customer("ann", 2, mailbox.clone()),
        customer("ben", 4, mailbox.clone()),
        customer("cat", 3, mailbox.clone()),
    );
    say!("main: done");
}
// ANCHOR_END: last_apples

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
