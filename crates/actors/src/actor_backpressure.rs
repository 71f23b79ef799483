//! `actor-backpressure`: the stock actor of `actor-handle`, whose mailbox
//! holds 2 requests and which takes 100 ms per request. A delivery truck
//! restocks five items through the handle faster than that: once the
//! mailbox is full, each `restock().await` waits for room, and the truck's
//! own timestamps show the wait. A web customer who asks in the middle
//! waits behind the truck's requests.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-actors -- actor-backpressure`.

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

// The stock actor and its handle, as `actor-handle` shows them (the
// lesson's test `the_actor_is_the_same_in_every_program` checks it).
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// A message to the stock actor. A question carries the `oneshot::Sender`
/// its answer goes back on; `Restock` expects no answer.
enum Request {
    Reserve {
        item: &'static str,
        qty: u32,
        reply: oneshot::Sender<Result<u32, StockError>>,
    },
    Restock {
        item: &'static str,
        qty: u32,
    },
}

/// Why a call through the handle failed.
#[derive(Debug)]
enum StockError {
    /// The actor said no.
    OutOfStock { item: &'static str, left: u32 },
    /// The actor is gone: its mailbox no longer takes requests.
    Stopped,
    /// The actor dropped the request's reply sender without answering.
    NoAnswer,
}

impl fmt::Display for StockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StockError::OutOfStock { item, left } => write!(f, "only {left} {item} left"),
            StockError::Stopped => write!(f, "the stock actor has stopped"),
            StockError::NoAnswer => write!(f, "the stock actor stopped without answering"),
        }
    }
}

/// The actor: its task alone owns the counts, so they need no lock.
struct Stock {
    requests: mpsc::Receiver<Request>,
    counts: HashMap<&'static str, u32>,
}

impl Stock {
    /// The actor's life: one request at a time, until no handle is left.
    #[cfg_attr(test, lesson_kit::lane("stock actor"))]
    async fn run(mut self) {
        // Waits for the next request. `None` comes once every handle (every
        // `Sender`) is dropped and the mailbox is empty.
        while let Some(request) = self.requests.recv().await {
            // One request to its end before the next: no two ever overlap,
            // which is what keeps the counts right without a lock.
            self.handle(request).await;
        }
        say!("stock: actor stopped");
    }

    async fn handle(&mut self, request: Request) {
        match request {
            Request::Reserve { item, qty, reply } => {
                say!("stock: reserve {qty} {item}");
                // The stock database takes 100 ms. The thread is free
                // meanwhile, but this actor takes no other request.
                tokio::time::sleep(Duration::from_millis(100)).await;
                let left = self.count(item);
                let answer = if qty <= *left {
                    *left -= qty;
                    Ok(*left)
                } else {
                    Err(StockError::OutOfStock { item, left: *left })
                };
                // Never waits; fails only if the caller stopped waiting (it
                // dropped its receiver), and then nobody needs the answer.
                let _ = reply.send(answer);
            }
            Request::Restock { item, qty } => {
                say!("stock: restock {qty} {item}");
                // The same 100 ms database write.
                tokio::time::sleep(Duration::from_millis(100)).await;
                *self.count(item) += qty;
            }
        }
    }

    /// The catalogue is fixed when the actor starts: an item outside it is
    /// a bug in the caller, and panics (the last program shows the callers'
    /// side of that).
    fn count(&mut self, item: &str) -> &mut u32 {
        self.counts
            .get_mut(item)
            .expect("only catalogue items are ordered")
    }
}

/// What the rest of the program holds: the actor's address. A clone is
/// one more `Sender`; the actor runs as long as any clone exists.
#[derive(Clone)]
struct StockHandle {
    requests: mpsc::Sender<Request>,
}

impl StockHandle {
    /// Starts the actor, and returns the first handle to it and the
    /// actor's `JoinHandle` (to wait for it to end).
    fn new(catalogue: &[(&'static str, u32)]) -> (StockHandle, JoinHandle<()>) {
        // The mailbox: room for 2 requests waiting (one more can be in the
        // actor's hands). A full mailbox makes `send` wait.
        let (requests, mailbox) = mpsc::channel(2);
        let actor = Stock {
            requests: mailbox,
            counts: catalogue.iter().copied().collect(),
        };
        // Spawned here, so no caller can forget to run the actor. It runs
        // on its own from now on, and owns everything it needs.
        let task = tokio::spawn(actor.run());
        (StockHandle { requests }, task)
    }

    /// Takes `qty` of `item` out of stock; answers how many are left.
    async fn reserve(&self, item: &'static str, qty: u32) -> Result<u32, StockError> {
        let (reply, answer) = oneshot::channel();
        let request = Request::Reserve { item, qty, reply };
        // Waits for room in the mailbox; fails only if the actor is gone.
        self.requests
            .send(request)
            .await
            .map_err(|_| StockError::Stopped)?;
        // Waits for the answer; fails if the actor dropped `reply` unsent.
        answer.await.map_err(|_| StockError::NoAnswer)?
    }

    /// Puts `qty` of `item` into stock. Returns once the request is in the
    /// mailbox, not once it is done.
    async fn restock(&self, item: &'static str, qty: u32) -> Result<(), StockError> {
        let request = Request::Restock { item, qty };
        // Waits for room in the mailbox: this wait is the backpressure.
        self.requests
            .send(request)
            .await
            .map_err(|_| StockError::Stopped)
    }
}

#[cfg_attr(test, lesson_kit::lane("truck"))]
// ANCHOR: actor_backpressure
async fn truck(stock: StockHandle) {
    for item in ["bolts", "nuts", "washers", "screws", "hinges"] {
        say!("truck: sending {item}");
        // Waits while the mailbox is full: until the actor takes a request
        // out, which frees a slot.
        stock
            .restock(item, 50)
            .await
            .expect("the stock actor is running");
        say!("truck: {item} queued");
    }
    drop(stock);
    say!("truck: unloaded, handle dropped");
}

// ANCHOR_END: actor_backpressure
#[cfg_attr(test, lesson_kit::lane("web"))]
// ANCHOR: actor_backpressure
async fn web_order(stock: StockHandle) {
    // The customer comes 150 ms in, while the truck is unloading.
    tokio::time::sleep(Duration::from_millis(150)).await;
    say!("web: reserving 2 hinges");
    // Waits for room behind the truck, then for its turn, then 100 ms.
    match stock.reserve("hinges", 2).await {
        Ok(left) => say!("web: reserved, {left} hinges left"),
        Err(e) => say!("web: refused: {e}"),
    }
    drop(stock);
    say!("web: done, handle dropped");
}

// ANCHOR_END: actor_backpressure
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: actor_backpressure
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: actor_backpressure
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: actor_backpressure
    let catalogue = [
        ("bolts", 0),
        ("nuts", 0),
        ("washers", 0),
        ("screws", 0),
        ("hinges", 0),
    ];
    let (stock, actor) = StockHandle::new(&catalogue);
    // The customer's task starts at `main`'s first pending `.await`.
    let web = tokio::spawn(web_order(stock.clone()));
    // The truck runs in `main` itself, with `main`'s handle.
    truck(stock).await;
    // Yields until the customer has its answer.
    web.await.expect("the web order does not panic");
    // Ends once both handles are gone and the mailbox is empty.
    actor.await.expect("the stock actor does not panic");
    say!("main: the stock actor's task has ended");
}
// ANCHOR_END: actor_backpressure

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
