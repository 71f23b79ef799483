//! `retry-with-backoff`: a retry helper that takes the download as an
//! async closure, `F: AsyncFn(&Request) -> Result<..>` (Rust 1.85). The
//! closure's future borrows the request it is given, which the old bound,
//! `F: Fn(&Request) -> Fut`, cannot express. Between failed attempts the
//! helper waits 1 s, 2 s, 4 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-async-closures -- retry-with-backoff`.

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
// ANCHOR: retry_with_backoff
use std::cell::Cell;
use std::time::Duration;

struct Request {
    order: u32,
    path: String,
}

/// A mirror that is down for its first few requests.
struct Mirror {
    failures_left: Cell<u32>,
}

impl Mirror {
    async fn download(&self, request: &Request) -> Result<u64, String> {
        say!("mirror: GET {} for order {}", request.path, request.order);
        tokio::time::sleep(Duration::from_millis(100)).await;
        match self.failures_left.get() {
            0 => Ok(48_000),
            n => {
                self.failures_left.set(n - 1);
                Err("503 Service Unavailable".to_string())
            }
        }
    }
}

// ANCHOR_END: retry_with_backoff
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: retry_with_backoff
/// Calls `fetch` until it succeeds, at most 4 times, waiting 1 s, 2 s,
/// 4 s between attempts. Each call's future may borrow `request`.
async fn retry<F>(request: &Request, fetch: F) -> Result<u64, String>
where
    F: AsyncFn(&Request) -> Result<u64, String>,
{
    let mut backoff = Duration::from_secs(1);
    let mut attempt = 1;
    loop {
        match fetch(request).await {
            Ok(bytes) => return Ok(bytes),
            Err(error) if attempt < 4 => {
                say!("retry: attempt {attempt} failed ({error}), next in {backoff:?}");
                // The task sleeps here; the runtime runs others meanwhile.
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

// ANCHOR_END: retry_with_backoff
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: retry_with_backoff
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: retry_with_backoff
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: retry_with_backoff
    let mirror = Mirror {
        failures_left: Cell::new(3),
    };
    let request = Request {
        order: 1042,
        path: "/invoices/1042.pdf".to_string(),
    };
    // An async closure: it borrows `mirror`, and each future it returns
    // borrows the `req` it was called with.
    let result = retry(&request, async |req| mirror.download(req).await).await;
    match result {
        Ok(bytes) => say!("main: order {} downloaded, {bytes} bytes", request.order),
        Err(error) => say!("main: order {} gave up: {error}", request.order),
    }
}
// ANCHOR_END: retry_with_backoff

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
