//! A solution of exercise `hesitant-retry`: the helper tries first and
//! waits only after a failed attempt, and not after the last one.

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
// ANCHOR: hesitant_retry_solution
use std::time::Duration;

use tokio::time::sleep;

// ANCHOR_END: hesitant_retry_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: hesitant_retry_solution
async fn retry<F>(order: u32, mut fetch: F) -> Result<u64, String>
where
    F: AsyncFnMut(u32) -> Result<u64, String>,
{
    let mut backoff = Duration::from_secs(1);
    for attempt in 1..=4 {
        match fetch(order).await {
            Ok(bytes) => return Ok(bytes),
            Err(error) => say!("retry: attempt {attempt} failed ({error})"),
        }
        // The pause comes after a failure, before the next try.
        if attempt < 4 {
            sleep(backoff).await;
            backoff *= 2;
        }
    }
    Err("gave up after 4 attempts".to_string())
}

// ANCHOR_END: hesitant_retry_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: hesitant_retry_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: hesitant_retry_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: hesitant_retry_solution
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
// ANCHOR_END: hesitant_retry_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
