//! Exercise `hesitant-retry` (fix the bug): the retry helper waits before
//! every attempt, the first one too, so even a download that works at
//! once takes a second, and order 1042, which succeeds on its third
//! attempt, takes 7 s. Make it try at once, then wait 1 s, then 2 s: order
//! 1042 is downloaded at `3.000s`. Order 1043 always fails: it should give
//! up right after its fourth attempt, at `10.000s`, with no pause after it.
//!
//! Check your fix with `cargo xtask exercise hesitant-retry`, which
//! copies this file to `exercises/hesitant-retry.rs` for you to edit.

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
// ANCHOR: hesitant_retry
use std::time::Duration;

use tokio::time::sleep;

// ANCHOR_END: hesitant_retry
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: hesitant_retry
async fn retry<F>(order: u32, mut fetch: F) -> Result<u64, String>
where
    F: AsyncFnMut(u32) -> Result<u64, String>,
{
    let mut backoff = Duration::from_secs(1);
    for attempt in 1..=4 {
        // Gentle with the mirror: a pause before each try.
        sleep(backoff).await;
        backoff *= 2;
        match fetch(order).await {
            Ok(bytes) => return Ok(bytes),
            Err(error) => say!("retry: attempt {attempt} failed ({error})"),
        }
    }
    Err("gave up after 4 attempts".to_string())
}

// ANCHOR_END: hesitant_retry
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: hesitant_retry
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: hesitant_retry
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: hesitant_retry
    let mut attempts = 0;
    let result = retry(1042, async |order| {
        attempts += 1;
        say!("download: attempt {attempts} for order {order}");
        if attempts < 3 {
            Err("503".to_string())
        } else {
            Ok(48_000)
        }
    })
    .await;
    say!("main: order 1042 {result:?}");
    // Order 1043's invoice is gone: every attempt fails.
    let result = retry(1043, async |order| Err(format!("404 for order {order}"))).await;
    say!("main: order 1043 {result:?}");
}
// ANCHOR_END: hesitant_retry

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
