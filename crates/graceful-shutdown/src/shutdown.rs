//! `shutdown`: an order server on a real loopback socket, shut down
//! gracefully. At 1 s the operator presses Ctrl-C (scripted, so the
//! program ends by itself; a real Ctrl-C works too): the server stops
//! accepting and closes its listener, idle connections close, the request
//! in flight is answered, and `main` gives the rest 2 s to finish. An
//! export that would take 5 s is still running at the deadline: it is cut.
//! Four customers, in the same program on the same thread, show what a
//! client sees: a reply, the connection closed, a refused connection.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-graceful-shutdown -- shutdown` (press Ctrl-C in the
//! first second to shut it down yourself).

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

// ANCHOR: shutdown
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// How long `main` lets the connections finish after the signal.
const DRAIN_DEADLINE: Duration = Duration::from_secs(2);
/// How long the cut may take: a task cut at an `.await` ends at once.
const CUT_DEADLINE: Duration = Duration::from_millis(100);

// ANCHOR_END: shutdown
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: shutdown
async fn shutdown_signal() -> &'static str {
    tokio::select! {
        // A real Ctrl-C (SIGINT). In the book's recording nobody presses it.
        pressed = tokio::signal::ctrl_c() => {
            pressed.expect("the Ctrl-C handler installs");
            "Ctrl-C"
        }
        // The operator, scripted: presses Ctrl-C 1 s after the start, so
        // that the program also ends by itself.
        () = tokio::time::sleep(Duration::from_secs(1)) => "Ctrl-C (scripted)",
    }
}

// ANCHOR_END: shutdown
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: shutdown
async fn server(
    listener: TcpListener,
    shutdown: CancellationToken,
    hard_stop: CancellationToken,
    tracker: TaskTracker,
) {
    let mut number = 0;
    loop {
        let stream = tokio::select! {
            // `biased;`: once shutdown is asked for, accept nobody more.
            biased;
            () = shutdown.cancelled() => break,
            // `accept` is cancel safe: losing the race loses no client.
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(error) => {
                    say!("server: accept failed: {error}");
                    continue;
                }
            },
        };
        number += 1;
        say!("server: connection {number} accepted");
        // One task per connection, tracked so that `main` can wait for it.
        // It runs until its connection is done, or until the hard stop:
        // then `run_until_cancelled` drops it where it waits.
        let serving = connection(number, stream, shutdown.clone());
        tracker.spawn(hard_stop.clone().run_until_cancelled_owned(serving));
    }
    // Closing the listening socket: from now on the OS refuses connections.
    drop(listener);
    say!("server: listener closed");
}

// ANCHOR_END: shutdown
#[cfg_attr(test, lesson_kit::lane(format!("connection {number}")))]
// ANCHOR: shutdown
async fn connection(number: u32, mut stream: TcpStream, shutdown: CancellationToken) {
    let (reader, mut writer) = stream.split();
    let mut requests = BufReader::new(reader).lines();
    loop {
        let request = tokio::select! {
            // Between requests, shutdown wins: an idle connection closes.
            biased;
            () = shutdown.cancelled() => break,
            // `next_line` is cancel safe: a line half read stays buffered.
            line = requests.next_line() => match line {
                Ok(Some(request)) => request,
                Ok(None) => {
                    say!("connection {number}: the customer left");
                    return;
                }
                Err(error) => {
                    say!("connection {number}: {error}");
                    return;
                }
            },
        };
        say!("connection {number}: {request} received");
        // No token here: a request in flight is served to the end, however
        // long it takes. Only the hard stop, from outside, can cut it.
        let reply = serve(&request).await;
        // Waits only if the socket's send buffer is full.
        if let Err(error) = writer.write_all(format!("{reply}\n").as_bytes()).await {
            say!("connection {number}: {error}");
            return;
        }
        say!("connection {number}: {reply}");
    }
    say!("connection {number}: shutdown, closing");
    // Says goodbye: `shutdown` sends the end of the stream (a FIN) now,
    // before the task ends and drops the socket.
    if let Err(error) = writer.shutdown().await {
        say!("connection {number}: {error}");
    }
}

async fn serve(request: &str) -> String {
    // The work, a timer here: an order takes 0.8 s; an export (a year of
    // orders) takes 5 s.
    let work = if request.starts_with("export") {
        Duration::from_secs(5)
    } else {
        Duration::from_millis(800)
    };
    tokio::time::sleep(work).await;
    format!("{request} done")
}

// ANCHOR_END: shutdown
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: shutdown
async fn customer(name: &'static str, server: SocketAddr, arrives_ms: u64, request: &'static str) {
    // Arrives later: waits without holding the thread.
    tokio::time::sleep(Duration::from_millis(arrives_ms)).await;
    // Waits for the handshake; on loopback the kernel answers at once.
    let mut stream = match TcpStream::connect(server).await {
        Ok(stream) => stream,
        Err(error) => {
            say!("{name}: cannot connect: {}", error.kind());
            return;
        }
    };
    say!("{name}: connected; sending {request}");
    let (reader, mut writer) = stream.split();
    if let Err(error) = writer.write_all(format!("{request}\n").as_bytes()).await {
        say!("{name}: {error}");
        return;
    }
    // Reads replies until the server closes the connection (a keep-alive
    // customer stays connected for a next request).
    let mut replies = BufReader::new(reader).lines();
    let mut answered = false;
    loop {
        match replies.next_line().await {
            Ok(Some(reply)) => {
                say!("{name}: {reply}");
                answered = true;
            }
            Ok(None) => break,
            Err(error) => {
                say!("{name}: {error}");
                return;
            }
        }
    }
    let no_reply = if answered { "" } else { ", no reply" };
    say!("{name}: the server closed the connection{no_reply}");
}

// ANCHOR_END: shutdown
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: shutdown
async fn drain(tracker: &TaskTracker, hard_stop: &CancellationToken) {
    say!(
        "drain: waiting up to {} s for {} tasks",
        DRAIN_DEADLINE.as_secs(),
        tracker.len()
    );
    // `wait` completes once the tracker is closed *and* empty.
    let drained = tokio::time::timeout(DRAIN_DEADLINE, tracker.wait()).await;
    if drained.is_ok() {
        say!("drain: every task finished");
        return;
    }
    let left = tracker.len();
    say!("drain: deadline passed with {left} still running; cutting");
    // Wakes every `run_until_cancelled`, which drops its connection's
    // future at its `.await`: its socket closes. A task that is not at an
    // `.await`, or not wrapped, is not cut, so this wait is bounded too.
    hard_stop.cancel();
    let cut = tokio::time::timeout(CUT_DEADLINE, tracker.wait()).await;
    if cut.is_ok() {
        say!("drain: done");
    } else {
        let stuck = tracker.len();
        say!("drain: {stuck} tasks would not stop; exiting anyway");
    }
}

// ANCHOR_END: shutdown
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: shutdown
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: shutdown
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: shutdown
    // Port 0: the OS picks a free port on the loopback interface.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let address = listener.local_addr().expect("has an address");
    say!("main: serving on 127.0.0.1");

    // `shutdown` asks every task to wind down; `hard_stop`, its parent,
    // cuts what is left. Cancelling a child leaves its parent alone;
    // cancelling the parent cancels its children too.
    let hard_stop = CancellationToken::new();
    let shutdown = hard_stop.child_token();
    let tracker = TaskTracker::new();
    // The accept loop is tracked too: the drain waits for it as well.
    tracker.spawn(server(
        listener,
        shutdown.clone(),
        hard_stop.clone(),
        tracker.clone(),
    ));

    // The customers, here in the same program only to show what a client
    // sees; they start running when `main` awaits the signal.
    let mut customers = JoinSet::new();
    customers.spawn(customer("alice", address, 0, "order 16"));
    customers.spawn(customer("bob", address, 200, "export 2026"));
    customers.spawn(customer("carol", address, 500, "order 17"));
    customers.spawn(customer("dave", address, 1500, "order 18"));

    // Serves until the signal; the tasks run meanwhile.
    let pressed = shutdown_signal().await;
    say!("main: {pressed}: shutting down");
    shutdown.cancel();
    // `wait` completes only once the tracker is closed and empty: closing
    // says that no more tasks are coming (it does not stop `spawn`).
    tracker.close();
    drain(&tracker, &hard_stop).await;

    // Only so that the transcript shows how each customer's visit ended.
    customers.join_all().await;
    say!("main: exit");
}
// ANCHOR_END: shutdown

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
