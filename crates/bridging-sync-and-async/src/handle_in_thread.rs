//! `handle-in-thread`: the legacy nightly job runs on a plain thread of its
//! own (`std::thread::spawn`), which is in no runtime: there
//! `Handle::try_current()` fails, with the message `Handle::current()`
//! would panic with. The dashboard takes its runtime's `Handle` in `main`
//! and moves it into the thread, which then runs async calls on the
//! dashboard's runtime with `Handle::block_on`, through the dashboard's one
//! client, and starts a task there with `Handle::spawn`.
//!
//! The job's thread blocks only itself: the runtime's thread, inside
//! `main`'s `block_on`, runs the connection task meanwhile. Nothing here
//! uses a timer, so every line reads `0.000s`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-bridging-sync-and-async -- handle-in-thread`.

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

use tokio::sync::{mpsc, oneshot};

/// A price, in cents.
type Cents = u64;

/// One quote request: the symbol, and where to send its price.
type Request = (&'static str, oneshot::Sender<Cents>);

/// The new code base's async client of the price service. Like many real
/// clients (a database pool, an HTTP/2 connection) it is a handle to a
/// task that owns the connection: each call sends that task a request and
/// awaits its answer.
#[derive(Clone)]
struct PriceClient {
    requests: mpsc::Sender<Request>,
}

impl PriceClient {
    /// Connects: starts the connection task on the current runtime. (A real
    /// client would await its TCP and TLS handshakes here first.)
    async fn connect() -> PriceClient {
        let (requests, incoming) = mpsc::channel(16);
        // The task belongs to the runtime that runs `connect`, and lives
        // while some client holds the sending side.
        tokio::spawn(price_connection(incoming));
        PriceClient { requests }
    }

    /// Asks for one symbol's price.
    async fn quote(&self, symbol: &'static str) -> Cents {
        let (reply, price) = oneshot::channel();
        // Waits for room in the connection's queue, then for the answer.
        self.requests
            .send((symbol, reply))
            .await
            .expect("the connection task is running");
        price.await.expect("the connection task answers")
    }
}

/// The connection task: answers requests until every client is gone. (A
/// table plays the remote price service.)
async fn price_connection(mut incoming: mpsc::Receiver<Request>) {
    // Each `.await` waits for the next request, leaving the thread free.
    while let Some((symbol, reply)) = incoming.recv().await {
        let cents = match symbol {
            "AAPL" => 18950,
            "MSFT" => 41120,
            "NVDA" => 11830,
            _ => 0,
        };
        // The caller may have stopped waiting: nothing to do then.
        let _ = reply.send(cents);
    }
}

// ANCHOR: handle_in_thread
use std::thread;

use tokio::runtime::Handle;

const SYMBOLS: [&str; 3] = ["AAPL", "MSFT", "NVDA"];

/// The legacy nightly job, synchronous: it quotes through the dashboard's
/// client, on the dashboard's runtime, by its `handle`.
// ANCHOR_END: handle_in_thread
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: handle_in_thread
fn nightly_job(handle: &Handle, prices: &PriceClient) -> String {
    // A thread started by `std::thread::spawn` is in no runtime; here
    // `Handle::current()` would panic with this message.
    if let Err(e) = Handle::try_current() {
        say!("nightly job: Handle::try_current(): {e}");
    }
    let mut report = String::from("symbol,price\n");
    for symbol in SYMBOLS {
        // Blocks this thread, not the runtime's, until the quote is in:
        // the runtime's thread runs the connection task meanwhile.
        let cents = handle.block_on(prices.quote(symbol));
        let row = format!("{symbol},{}.{:02}", cents / 100, cents % 100);
        say!("nightly job: {row}");
        report.push_str(&row);
        report.push('\n');
    }
    report
}

/// The report's way back into the async code: a task on the runtime.
// ANCHOR_END: handle_in_thread
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: handle_in_thread
async fn publish(report: String, published: oneshot::Sender<String>) {
    say!("publish: {} bytes", report.len());
    // `main` may have stopped waiting: nothing to do then.
    let _ = published.send(report);
}

// ANCHOR_END: handle_in_thread
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: handle_in_thread
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: handle_in_thread
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: handle_in_thread
    // One client, one connection task, for the whole dashboard.
    let prices = PriceClient::connect().await;
    // Taken here, inside the runtime, for the job's thread, which cannot
    // take it there.
    let handle = Handle::current();
    let (published, report) = oneshot::channel();
    let job = thread::spawn(move || {
        let report = nightly_job(&handle, &prices);
        // Puts a task on the runtime, from this plain thread, and returns
        // at once: the thread is done.
        handle.spawn(publish(report, published));
    });
    // Awaits the report. A `job.join()` here would block this thread, the
    // one that drives the runtime, and the job's `block_on` would wait for
    // ever.
    let report = report.await.expect("the nightly job publishes its report");
    say!(
        "dashboard: nightly report in, {} lines",
        report.lines().count()
    );
    // The job's thread still holds its client and handle until it ends:
    // joined on a blocking-pool thread, where blocking is allowed, it ends
    // before `main` returns and the runtime shuts down.
    tokio::task::spawn_blocking(move || job.join())
        .await
        .expect("the join runs to its end")
        .expect("the nightly job does not panic");
}
// ANCHOR_END: handle_in_thread

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
