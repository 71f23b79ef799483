//! A retry with backoff: after each failed call it waits 2, 4, 8, then
//! 16 s, 30 s in all. Its tests, below `main`, check those 30 s on the
//! paused clock, in milliseconds of real time.
//!
//! Run it: `cargo run -p lesson-testing-on-virtual-time -- retry-backoff`
//! (30 s: this `main` runs on the real clock); its tests:
//! `cargo test -p lesson-testing-on-virtual-time retry_backoff`.

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

// ANCHOR: retry_backoff
use std::time::Duration;

/// The waits after each failed attempt: 2 + 4 + 8 + 16 = 30 s.
const BACKOFF: [Duration; 4] = [
    Duration::from_secs(2),
    Duration::from_secs(4),
    Duration::from_secs(8),
    Duration::from_secs(16),
];

/// Calls `attempt(1)`, `attempt(2)`, .. until one succeeds, waiting
/// `BACKOFF` between them; the fifth attempt's answer is final.
async fn with_backoff<T, E, F, Fut>(mut attempt: F) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    for (n, pause) in (1..).zip(BACKOFF) {
        match attempt(n).await {
            Ok(value) => return Ok(value),
            // Waits on a timer: the only thing this task waits for here.
            Err(_) => tokio::time::sleep(pause).await,
        }
    }
    attempt(5).await
}

// ANCHOR_END: retry_backoff
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: retry_backoff
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: retry_backoff
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: retry_backoff
    // The inventory service is overloaded for its first four calls.
    let stock = with_backoff(|n| async move {
        let reply = if n < 5 { Err("busy") } else { Ok(17) };
        match reply {
            Ok(stock) => say!("attempt {n}: {stock} in stock"),
            Err(why) => say!("attempt {n}: {why}"),
        }
        reply
    })
    .await;
    say!("sku-42: {stock:?}");
}
// ANCHOR_END: retry_backoff

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

#[cfg(test)]
mod tests {
    // ANCHOR: tests
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;

    use tokio::time::{Instant, advance};
    use tokio_test::{assert_pending, assert_ready};

    use super::with_backoff;

    // The test's runtime starts with its clock paused: a `sleep` with
    // nothing else to do moves the clock to its deadline at once.
    #[tokio::test(start_paused = true)]
    async fn gives_up_after_30_seconds_of_backoff() {
        let real = std::time::Instant::now();
        let start = Instant::now();
        let stock: Result<u32, &str> = with_backoff(|_| async { Err("busy") }).await;
        assert_eq!(stock, Err("busy"));
        // All four waits, on tokio's clock...
        assert_eq!(start.elapsed(), Duration::from_secs(30));
        // ...and none of them on the real one, which pausing does not stop.
        assert!(real.elapsed() < Duration::from_secs(30));
    }

    // The same code, stepped through with `advance`: the test decides
    // when time passes, and checks what the retry did at each step.
    #[tokio::test(start_paused = true)]
    async fn waits_2_s_before_the_second_attempt() {
        let calls = AtomicU32::new(0);
        let mut retry = tokio_test::task::spawn(with_backoff(|n| {
            calls.store(n, Ordering::SeqCst);
            async move { if n < 3 { Err("busy") } else { Ok(17) } }
        }));
        // First poll: attempt 1 fails, and the retry waits on its 2 s timer.
        assert_pending!(retry.poll());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        advance(Duration::from_millis(1999)).await;
        assert!(!retry.is_woken(), "woken before its 2 s were up");
        advance(Duration::from_millis(1)).await;
        assert!(retry.is_woken(), "not woken at 2 s");
        // Attempt 2 fails too: now a 4 s wait.
        assert_pending!(retry.poll());
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        advance(Duration::from_secs(4)).await;
        assert_eq!(assert_ready!(retry.poll()), Ok(17));
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }
    // ANCHOR_END: tests
}
