//! `own-runtime`: a synchronous program, the legacy CSV exporter, needs an
//! async client. Its `BlockingPriceClient` builds a `current_thread`
//! runtime of its own and runs each async call to its end with
//! `Runtime::block_on`, which hands the call's value back to the
//! synchronous code. The runtime starts no thread: its tasks run on the
//! exporter's thread, inside `block_on`, and nowhere else.
//!
//! Why it prints where it does: in the book's tests only the kit's runtime
//! has a paused clock; a runtime the program builds itself runs on real
//! time, and a `say!` inside it would read that real clock. So this program
//! prints only from code outside its own runtime, and nothing in it waits
//! for a timer: every line reads `0.000s` in the book (on real time, the
//! few milliseconds the work really takes).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-bridging-sync-and-async -- own-runtime`.

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

// ANCHOR: client
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
// ANCHOR_END: client

// ANCHOR: blocking_client
use tokio::runtime::{Builder, Runtime};

/// The price client for the legacy, synchronous code base: it owns a
/// runtime and blocks on each call (the pattern of tokio's guide "Bridging
/// with sync code").
struct BlockingPriceClient {
    inner: PriceClient,
    runtime: Runtime,
}

impl BlockingPriceClient {
    fn connect() -> BlockingPriceClient {
        // A runtime that runs on the thread calling its `block_on`, and
        // starts no thread of its own; `enable_all` turns on its I/O and
        // timer drivers, which a real client needs for its socket.
        let runtime = Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("the runtime builds");
        // Blocks this thread until `connect` is done; the connection task
        // it spawns belongs to this runtime.
        let inner = runtime.block_on(PriceClient::connect());
        BlockingPriceClient { inner, runtime }
    }

    fn quote(&self, symbol: &'static str) -> Cents {
        // Blocks until the answer is in. The connection task runs only
        // inside a `block_on` of its runtime, on this thread: here.
        self.runtime.block_on(self.inner.quote(symbol))
    }
}

/// The legacy CSV exporter: synchronous, and it stays that way.
// ANCHOR_END: blocking_client
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: blocking_client
fn export_csv(symbols: &[&'static str]) -> Vec<String> {
    let prices = BlockingPriceClient::connect();
    let mut rows = vec!["symbol,price".to_string()];
    for &symbol in symbols {
        let cents = prices.quote(symbol);
        rows.push(format!("{symbol},{}.{:02}", cents / 100, cents % 100));
    }
    // Dropping `prices` drops its runtime, and the connection task with it.
    rows
}
// ANCHOR_END: blocking_client

#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: own_runtime
fn main() {
    // ANCHOR_END: own_runtime
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: own_runtime
    // A plain `fn main`, with no runtime around it: the exporter brings
    // its own.
    for row in export_csv(&["AAPL", "MSFT", "NVDA"]) {
        say!("exporter: {row}");
    }
}
// ANCHOR_END: own_runtime

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::thread;

    use tokio::runtime::Builder;

    /// What the chapter says of a `current_thread` runtime owned by sync
    /// code: a task spawned on it does not run until a `block_on` does, and
    /// then on the thread that called `block_on`.
    #[test]
    fn a_current_thread_runtime_runs_its_tasks_only_inside_block_on() {
        let runtime = Builder::new_current_thread().enable_all().build().unwrap();
        let (ran, ran_on) = mpsc::channel();
        runtime.spawn(async move { ran.send(thread::current().id()).unwrap() });
        // The runtime has no thread of its own that could have run it.
        thread::yield_now();
        assert!(ran_on.try_recv().is_err());
        // `yield_now` is pending once, so `block_on` runs the spawned task
        // before it polls it again.
        runtime.block_on(tokio::task::yield_now());
        assert_eq!(ran_on.try_recv(), Ok(thread::current().id()));
    }

    /// What the chapter says of a client whose runtime is gone: dropping
    /// the runtime drops its connection task, and the task's receiving side
    /// with it, so every later `quote` would fail.
    #[test]
    fn dropping_the_runtime_drops_the_connection_task() {
        let runtime = Builder::new_current_thread().enable_all().build().unwrap();
        let prices = runtime.block_on(super::PriceClient::connect());
        assert!(!prices.requests.is_closed());
        drop(runtime);
        assert!(prices.requests.is_closed());
    }
}
