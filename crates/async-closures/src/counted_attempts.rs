//! `counted-attempts`: the closure counts its attempts, so each call
//! changes what it captured: it is `AsyncFnMut`, and a helper that asks
//! `AsyncFn` refuses it. A helper that asks `AsyncFnMut` takes both kinds.
//! Then an `async move` closure that gives away what it owns: it can be
//! called once, `AsyncFnOnce`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-async-closures -- counted-attempts`.

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
// ANCHOR: counted_attempts
use std::time::Duration;

use tokio::time::sleep;

struct Request {
    order: u32,
}

// ANCHOR_END: counted_attempts
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: counted_attempts
/// The same retry loop, asking less of `fetch`: it is called again only
/// after its last future is done, so it may change its captures.
async fn retry<F>(request: &Request, mut fetch: F) -> Result<u64, String>
where
    F: AsyncFnMut(&Request) -> Result<u64, String>,
{
    let mut backoff = Duration::from_secs(1);
    for attempt in 1..=4 {
        match fetch(request).await {
            Ok(bytes) => return Ok(bytes),
            Err(error) => say!("retry: attempt {attempt} failed ({error})"),
        }
        // A pause between attempts only: none after the last one.
        if attempt < 4 {
            sleep(backoff).await;
            backoff *= 2;
        }
    }
    Err("gave up after 4 attempts".to_string())
}

// ANCHOR_END: counted_attempts
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: counted_attempts
/// Calls `send` once: that is all `AsyncFnOnce` allows.
async fn finish<F: AsyncFnOnce() -> String>(send: F) -> String {
    send().await
}

// ANCHOR_END: counted_attempts
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: counted_attempts
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: counted_attempts
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: counted_attempts
    let request = Request { order: 1042 };
    let mut attempts = 0;
    // Borrows `attempts` mutably: an `AsyncFnMut` closure.
    let result = retry(&request, async |req| {
        attempts += 1;
        say!("download: attempt {attempts} for order {}", req.order);
        if attempts < 3 {
            Err("timed out".to_string())
        } else {
            Ok(48_000)
        }
    })
    .await;
    say!("main: {result:?} after {attempts} attempts");

    let receipt = format!("receipt for order {}", request.order);
    // `async move`: the closure owns `receipt`, and its body gives it
    // away, so it can run once.
    let send = async move || {
        sleep(Duration::from_millis(200)).await;
        receipt
    };
    let sent = finish(send).await;
    say!("main: sent {sent}");
}
// ANCHOR_END: counted_attempts

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
