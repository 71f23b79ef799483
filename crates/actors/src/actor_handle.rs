//! `actor-handle`: the actor pattern of Alice Ryhl's "Actors with Tokio".
//! A stock actor owns the stock counts and runs on its own task, taking
//! one request at a time from a bounded `mpsc` mailbox; the rest of the
//! program holds a cloneable `StockHandle` whose async methods send a
//! request carrying a `oneshot::Sender` and await the answer. Two callers
//! share the actor through clones; when the last clone is dropped, the
//! actor's `recv()` returns `None` and it stops.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-actors -- actor-handle`.

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

// ANCHOR: stock_actor
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
    // ANCHOR_END: stock_actor
    #[cfg_attr(test, lesson_kit::lane("stock actor"))]
    // ANCHOR: stock_actor
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
// ANCHOR_END: stock_actor

#[cfg_attr(test, lesson_kit::lane("web"))]
// ANCHOR: actor_handle
async fn web_shop(stock: StockHandle) {
    say!("web: reserving 6 bolts");
    // Waits for room in the mailbox, then for the actor's answer.
    match stock.reserve("bolts", 6).await {
        Ok(left) => say!("web: reserved, {left} bolts left"),
        Err(e) => say!("web: refused: {e}"),
    }
    // This clone is gone; the till's keeps the actor running.
    drop(stock);
    say!("web: done, handle dropped");
}

// ANCHOR_END: actor_handle
#[cfg_attr(test, lesson_kit::lane("till"))]
// ANCHOR: actor_handle
async fn till(stock: StockHandle) {
    say!("till: reserving 6 bolts");
    // Queued behind the web shop's request: answered 100 ms later.
    match stock.reserve("bolts", 6).await {
        Ok(left) => say!("till: reserved, {left} bolts left"),
        Err(e) => say!("till: refused: {e}"),
    }
    say!("till: restocking 20 bolts");
    // Waits only for room in the mailbox, which is empty: no wait at all.
    stock
        .restock("bolts", 20)
        .await
        .expect("the stock actor is running");
    say!("till: restock queued");
    say!("till: reserving 6 bolts");
    // Behind the restock in the mailbox, so it sees the 20 new bolts.
    match stock.reserve("bolts", 6).await {
        Ok(left) => say!("till: reserved, {left} bolts left"),
        Err(e) => say!("till: refused: {e}"),
    }
    // The last handle: the actor's `recv()` returns `None` now.
    drop(stock);
    say!("till: done, handle dropped");
}

// ANCHOR_END: actor_handle
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: actor_handle
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: actor_handle
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: actor_handle
    let (stock, actor) = StockHandle::new(&[("bolts", 10)]);
    // Two callers, each with a handle; `main`'s own moves into the till, so
    // `main` keeps none (if it did, the actor would wait for it forever).
    let web = tokio::spawn(web_shop(stock.clone()));
    let till = tokio::spawn(till(stock));
    // Each await yields until that task has ended.
    web.await.expect("the web shop does not panic");
    till.await.expect("the till does not panic");
    // The actor ends by itself once no handle is left.
    actor.await.expect("the stock actor does not panic");
    say!("main: the stock actor's task has ended");
}
// ANCHOR_END: actor_handle

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

/// The chapter says a handle kept in `main` would keep the actor waiting
/// forever: measured here on the paused clock, for an hour. It runs as a
/// recording of its own, so that the actor's lane, which the tests record,
/// never lands in another program's recording on a parallel test thread.
#[cfg(test)]
mod kept_handle {
    use std::time::Duration;

    // `cfg(test)` again, for the tidy check that reads each line the Play
    // button would send: the kit only under `cfg(test)`.
    #[cfg(test)]
    use lesson_kit::{Program, record};

    #[cfg_attr(test, lesson_kit::main)]
    #[tokio::main(flavor = "current_thread")]
    async fn keep_a_handle() {
        let (stock, actor) = super::StockHandle::new(&[("bolts", 10)]);
        let ended = tokio::time::timeout(Duration::from_secs(3600), actor).await;
        assert!(
            ended.is_err(),
            "the actor ended although a handle to it was alive"
        );
        drop(stock);
    }

    #[test]
    fn a_handle_kept_alive_keeps_the_actor_waiting() {
        let program = Program::new("kept-handle", "a handle kept alive", keep_a_handle);
        assert_eq!(record(&program), "", "the actor printed");
    }
}
