//! `stock-service`: the capstone, one small TCP service built from the
//! pieces of Parts II to VI. It speaks a line protocol on loopback
//! (`GET <sku>`, `RESERVE <sku> <n>`, `RESTOCK <sku> <n>`) through
//! `Framed` and a `LinesCodec` with a maximum line length; one actor task
//! owns the stock (a bounded `mpsc` mailbox, a `oneshot` reply each); each
//! connection is a task on a `TaskTracker`, with an idle timeout on its
//! next line; a `CancellationToken` shuts it all down, with a drain
//! deadline; and `tracing` spans (`connection`, `command`) tell the
//! interleaved customers apart. Four scripted customers, in the same
//! program on the same thread, show what a client sees.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-stock-service -- stock-service` (press Ctrl-C
//! in the first 2 s to shut it down yourself).

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

// ANCHOR: say_layer
use std::fmt::{self, Write};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// A `tracing` layer that prints each event with the spans it happened
/// in, root first: `order{id=7}:charge_card{amount=4999}: card charged`.
/// It prints through `say!`, so each line carries the program's own clock.
struct SayLayer;

/// A span's (or an event's) fields, written as `name=value` pairs.
struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        // An event's message is the field named `message`: shown bare.
        if field.name() == "message" {
            write!(self.0, "{value:?}").expect("a String takes any write");
        } else {
            write!(self.0, "{}={value:?}", field.name()).expect("a String takes any write");
        }
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for SayLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        // Keep the span's fields in the span itself, in the registry.
        let mut fields = Fields(String::new());
        attrs.record(&mut fields);
        let span = ctx.span(id).expect("a new span is in the registry");
        span.extensions_mut().insert(fields);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        // A field declared `Empty` and filled in later, by `Span::record`.
        let span = ctx.span(id).expect("a recorded span is in the registry");
        if let Some(fields) = span.extensions_mut().get_mut::<Fields>() {
            values.record(fields);
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut line = String::new();
        // The spans this event happened in: the current one and its parents.
        for span in ctx
            .event_scope(event)
            .into_iter()
            .flat_map(|s| s.from_root())
        {
            let extensions = span.extensions();
            match extensions.get::<Fields>() {
                Some(Fields(fields)) if !fields.is_empty() => {
                    write!(line, "{}{{{fields}}}:", span.name())
                }
                _ => write!(line, "{}:", span.name()),
            }
            .expect("a String takes any write");
        }
        let mut message = Fields(String::new());
        event.record(&mut message);
        if line.is_empty() {
            say!("{}", message.0);
        } else {
            say!("{line} {}", message.0);
        }
    }
}
// ANCHOR_END: say_layer

// ANCHOR: protocol
use std::collections::BTreeMap;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinSet;
use tokio_util::codec::{Framed, FramedRead, LinesCodec, LinesCodecError};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{Instrument, info, info_span, warn};

/// The longest line the service reads, without its `\n`: the codec
/// refuses a line once more than this many bytes are buffered with no
/// `\n` among the first `MAX_LINE + 1`.
const MAX_LINE: usize = 64;
/// How many requests may wait in the stock keeper's mailbox.
const MAILBOX: usize = 16;
/// How long a connection closed for an error reads (and throws away) what
/// its customer still sends, so that the reply is not lost to a reset.
const LINGER: Duration = Duration::from_millis(500);
/// How long the cut may take: a task cut at an `.await` ends at once.
const CUT_DEADLINE: Duration = Duration::from_millis(100);
/// How long the accept loop pauses after a failed `accept`.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);
/// How long shutting down lets the connections finish.
const DRAIN_DEADLINE: Duration = Duration::from_secs(2);

/// One request, parsed: nothing reaches the stock keeper unparsed.
#[derive(Debug)]
enum Request {
    Get(String),
    Reserve(String, u32),
    Restock(String, u32),
}

/// Reads one line of the protocol. An error is the whole reply: it says
/// what was wrong and how to write it right.
fn parse(line: &str) -> Result<Request, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let count = |word: &str, usage: &str| {
        word.parse::<u32>()
            .map_err(|_| format!("ERR {word:?} is not a count: {usage} takes a whole number"))
    };
    match words.as_slice() {
        [] => Err("ERR empty line: try GET <sku>, RESERVE <sku> <n> or RESTOCK <sku> <n>".into()),
        ["GET", sku] => Ok(Request::Get(sku.to_string())),
        ["RESERVE", sku, n] => Ok(Request::Reserve(
            sku.to_string(),
            count(n, "RESERVE <sku> <n>")?,
        )),
        ["RESTOCK", sku, n] => Ok(Request::Restock(
            sku.to_string(),
            count(n, "RESTOCK <sku> <n>")?,
        )),
        ["GET", ..] => Err("ERR usage: GET <sku>".into()),
        ["RESERVE", ..] => Err("ERR usage: RESERVE <sku> <n>".into()),
        ["RESTOCK", ..] => Err("ERR usage: RESTOCK <sku> <n>".into()),
        [command, ..] => Err(format!(
            "ERR unknown command {command:?}: try GET, RESERVE or RESTOCK"
        )),
    }
}
// ANCHOR_END: protocol

// ANCHOR: actor
/// A request and where its reply goes.
struct Order {
    request: Request,
    reply: oneshot::Sender<String>,
}

// ANCHOR_END: actor
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: actor
/// The stock keeper: the one task that owns the stock. It serves one
/// order at a time, so a check and its update cannot interleave with
/// another customer's, and no lock is needed.
async fn stock_keeper(mut inbox: mpsc::Receiver<Order>, mut stock: BTreeMap<String, u32>) {
    // `recv` is `None` once every `Stock` handle is dropped: the keeper
    // ends when nobody can ask it anything any more.
    while let Some(Order { request, reply }) = inbox.recv().await {
        let answer = match request {
            Request::Get(sku) => match stock.get(&sku) {
                Some(left) => format!("OK {sku} {left}"),
                None => unknown(&sku, &stock),
            },
            Request::Reserve(sku, n) => match stock.get_mut(&sku) {
                Some(left) if *left >= n => {
                    *left -= n;
                    format!("OK reserved {n} {sku}, {left} left")
                }
                Some(left) => format!("ERR only {left} {sku} left: reserve at most {left}"),
                None => unknown(&sku, &stock),
            },
            // A client's number must not be able to break the keeper: an
            // overflow is refused, and the stock stays as it was.
            Request::Restock(sku, n) => {
                let left = stock.entry(sku.clone()).or_insert(0);
                match left.checked_add(n) {
                    Some(total) => {
                        *left = total;
                        format!("OK restocked {n} {sku}, {left} left")
                    }
                    None => format!(
                        "ERR a shelf holds at most {} {sku}: restock fewer",
                        u32::MAX
                    ),
                }
            }
        };
        // The customer may have gone meanwhile: then nobody wants it.
        let _ = reply.send(answer);
    }
    info!("every handle dropped: the stock keeper stops");
}

fn unknown(sku: &str, stock: &BTreeMap<String, u32>) -> String {
    let known: Vec<&str> = stock.keys().map(String::as_str).collect();
    format!("ERR unknown sku {sku:?}: we stock {}", known.join(", "))
}

/// A handle on the stock keeper, cloned into every connection.
#[derive(Clone)]
struct Stock {
    mailbox: mpsc::Sender<Order>,
}

impl Stock {
    async fn ask(&self, request: Request) -> String {
        let (reply, answer) = oneshot::channel();
        // Waits while the mailbox is full: a burst of requests slows its
        // senders down instead of piling up in memory.
        if self.mailbox.send(Order { request, reply }).await.is_err() {
            return "ERR the stock keeper is gone".into();
        }
        // Waits for the keeper to reach this order.
        answer
            .await
            .unwrap_or_else(|_| "ERR the stock keeper is gone".into())
    }
}
// ANCHOR_END: actor

#[cfg_attr(test, lesson_kit::lane(format!("connection {id}")))]
// ANCHOR: connection
async fn serve_customer(
    id: u32,
    peer: SocketAddr,
    socket: TcpStream,
    stock: Stock,
    idle: Duration,
    shutdown: CancellationToken,
) {
    // The connection's span: every line logged in it, in every request,
    // says which connection it is.
    let span = info_span!("connection", id, peer = %peer.ip());
    connection(socket, stock, idle, shutdown)
        .instrument(span)
        .await;
}

/// One customer's connection: a line in, a reply out, until the customer
/// leaves, sends no complete line for `idle`, breaks the protocol's framing, or the
/// service shuts down.
async fn connection(socket: TcpStream, stock: Stock, idle: Duration, shutdown: CancellationToken) {
    // Each reply goes out at once (no Nagle).
    if let Err(error) = socket.set_nodelay(true) {
        warn!("{error}");
    }
    let mut lines = Framed::new(socket, LinesCodec::new_with_max_length(MAX_LINE));
    info!("connected");
    loop {
        let next = tokio::select! {
            // Between two requests, shutting down wins.
            biased;
            () = shutdown.cancelled() => {
                info!("shutting down: closing");
                let _ = lines.send("BYE the shop is closing").await;
                return;
            }
            // The idle timer starts afresh for each line. `next` is
            // cancel safe: a line half read stays in `Framed`'s buffer.
            next = tokio::time::timeout(idle, lines.next()) => next,
        };
        let line = match next {
            Ok(Some(Ok(line))) => line,
            Ok(None) => {
                info!("the customer left");
                return;
            }
            Err(_elapsed) => {
                info!("idle for {} s: closing", idle.as_secs_f64());
                let reply = format!(
                    "ERR idle for {} s: closing; reconnect to go on",
                    idle.as_secs_f64()
                );
                let _ = lines.send(reply).await;
                return;
            }
            // The codec gives up on a line as soon as more than MAX_LINE
            // bytes are buffered with no `\n` among them, without waiting
            // for a `\n` that may never come.
            // After either framing error `Framed` ends the stream (its
            // `has_errored`), so the connection closes, saying why.
            Ok(Some(Err(LinesCodecError::MaxLineLengthExceeded))) => {
                warn!("a line over {MAX_LINE} bytes: closing");
                let reply = format!("ERR a line has at most {MAX_LINE} bytes: closing");
                return close_with(lines, reply).await;
            }
            // Bytes that are not UTF-8: `LinesCodec` reports them as an
            // `Io` error of kind `InvalidData`.
            Ok(Some(Err(LinesCodecError::Io(error))))
                if error.kind() == io::ErrorKind::InvalidData =>
            {
                warn!("a line that is not UTF-8: closing");
                let reply = "ERR a line must be UTF-8 text: closing".to_string();
                return close_with(lines, reply).await;
            }
            Ok(Some(Err(error))) => {
                warn!("{error}: closing");
                return;
            }
        };
        // A span per request, inside the connection's span: its events
        // carry both, so two customers' lines can be told apart.
        let reply = async {
            let reply = match parse(&line) {
                Ok(request) => stock.ask(request).await,
                Err(error) => error,
            };
            info!("{reply}");
            reply
        }
        .instrument(info_span!("command", line = ?line))
        .await;
        // Waits only if the socket's send buffer is full.
        if let Err(error) = lines.send(reply).await {
            warn!("{error}");
            return;
        }
    }
}

/// Sends a last reply and closes so that the reply arrives. Dropping a
/// socket with input still unread makes the kernel send a RST instead of
/// a FIN, and the customer's read then fails with "connection reset"
/// instead of ending cleanly after the reply. So: the reply, then a
/// half-close (a FIN after it), then the customer's remaining bytes read
/// and thrown away, until the customer closes too or `LINGER` passes.
async fn close_with(mut lines: Framed<TcpStream, LinesCodec>, reply: String) {
    // Waits only if the socket's send buffer is full.
    if let Err(error) = lines.send(reply).await {
        warn!("{error}");
        return;
    }
    let mut socket = lines.into_inner();
    // Sends the FIN: our side is done writing; the socket still reads.
    if socket.shutdown().await.is_err() {
        return;
    }
    let mut discard = [0; 4096];
    // Bounded: a customer that keeps sending cannot keep us here.
    let _ = tokio::time::timeout(LINGER, async {
        // Waits for the customer's bytes, or its FIN (`Ok(0)`).
        while let Ok(1..) = socket.read(&mut discard).await {}
    })
    .await;
}
// ANCHOR_END: connection

// ANCHOR: service
/// A running service: what shutting it down needs. (`pub(crate)`, with
/// `start` and `shut_down`: the integration test, `tests/service.rs`,
/// starts it too.)
pub(crate) struct Service {
    shutdown: CancellationToken,
    hard_stop: CancellationToken,
    tracker: TaskTracker,
}

/// Starts the stock keeper and the accept loop on `listener`, and returns
/// at once: the service runs in its tasks.
pub(crate) fn start(listener: TcpListener, stock: &[(&str, u32)], idle: Duration) -> Service {
    let stock = stock.iter().map(|(sku, n)| (sku.to_string(), *n)).collect();
    let (mailbox, inbox) = mpsc::channel(MAILBOX);
    // `shutdown` asks the connections to close; `hard_stop`, its parent,
    // cuts those still running after the drain deadline.
    let hard_stop = CancellationToken::new();
    let shutdown = hard_stop.child_token();
    let tracker = TaskTracker::new();
    // The keeper is tracked too: the drain waits for it, and it ends once
    // the accept loop and every connection have dropped their handles.
    tracker.spawn(stock_keeper(inbox, stock).instrument(info_span!("stock_keeper")));
    tracker.spawn(accept_loop(
        listener,
        Stock { mailbox },
        idle,
        shutdown.clone(),
        hard_stop.clone(),
        tracker.clone(),
    ));
    Service {
        shutdown,
        hard_stop,
        tracker,
    }
}

// ANCHOR_END: service
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: service
async fn accept_loop(
    listener: TcpListener,
    stock: Stock,
    idle: Duration,
    shutdown: CancellationToken,
    hard_stop: CancellationToken,
    tracker: TaskTracker,
) {
    let mut id = 0;
    loop {
        let (socket, peer) = tokio::select! {
            // `biased;`: once shutdown is asked for, accept nobody more.
            biased;
            () = shutdown.cancelled() => break,
            // `accept` is cancel safe: losing the race loses no client.
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    warn!("accept failed: {error}");
                    // An accept error (EMFILE: out of file descriptors)
                    // fails again at once; without a pause this loop
                    // would spin a core. The pause waits in a `select!`
                    // with the token, so shutting down still wins.
                    tokio::select! {
                        () = shutdown.cancelled() => break,
                        () = tokio::time::sleep(ACCEPT_BACKOFF) => continue,
                    }
                }
            },
        };
        id += 1;
        // One task per connection, tracked so that shutting down can wait
        // for it. It runs until its connection is done, or until the hard
        // stop: then `run_until_cancelled_owned` drops it at whatever
        // `.await` it waits on (a `send` to a customer who never reads,
        // too), which closes its socket and drops its `Stock` handle.
        let serving = serve_customer(id, peer, socket, stock.clone(), idle, shutdown.clone());
        tracker.spawn(hard_stop.clone().run_until_cancelled_owned(serving));
    }
    // Closing the listening socket: from now on the OS refuses connections.
    drop(listener);
    info!("listener closed");
}

impl Service {
    /// Stops accepting, asks every connection to close, and waits for
    /// them (and the stock keeper) for `DRAIN_DEADLINE` at most; then cuts
    /// what is left, and waits `CUT_DEADLINE` more at most.
    ///
    /// (No test shows the cut: it needs a customer who never reads and a
    /// full socket buffer, and loopback's buffers, which the kernel sizes
    /// itself, take megabytes to fill; not done in this revision.)
    pub(crate) async fn shut_down(self) {
        self.shutdown.cancel();
        // `wait` completes only once the tracker is closed and empty.
        self.tracker.close();
        if tokio::time::timeout(DRAIN_DEADLINE, self.tracker.wait())
            .await
            .is_ok()
        {
            info!("drained: every task finished");
            return;
        }
        warn!(
            "{} tasks still running after {} s; cutting them",
            self.tracker.len(),
            DRAIN_DEADLINE.as_secs()
        );
        // Drops every connection's future where it waits; their `Stock`
        // handles go with them, so the keeper ends too. Bounded as well:
        // a task that never reaches an `.await` cannot be cut.
        self.hard_stop.cancel();
        match tokio::time::timeout(CUT_DEADLINE, self.tracker.wait()).await {
            Ok(()) => info!("cut: every task finished"),
            Err(_) => warn!("{} tasks would not stop; leaving them", self.tracker.len()),
        }
    }
}
// ANCHOR_END: service

#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: customers
/// A scripted customer: arrives at `arrives_ms`, sends each line and reads
/// its reply, then leaves (shuts its side down) or stays connected, and
/// reads whatever the service still says until it closes the connection.
async fn customer(
    name: &'static str,
    server: SocketAddr,
    arrives_ms: u64,
    script: &'static [(u64, &'static str)],
    leaves: bool,
) {
    tokio::time::sleep(Duration::from_millis(arrives_ms)).await;
    let socket = match TcpStream::connect(server).await {
        Ok(socket) => socket,
        Err(error) => {
            say!("{name}: cannot connect: {}", error.kind());
            return;
        }
    };
    socket
        .set_nodelay(true)
        .expect("a connected socket takes it");
    let (from_server, mut to_server) = socket.into_split();
    let mut replies = FramedRead::new(from_server, LinesCodec::new());
    for &(pause_ms, line) in script {
        // Thinks a while before the next request.
        tokio::time::sleep(Duration::from_millis(pause_ms)).await;
        if to_server
            .write_all(format!("{line}\n").as_bytes())
            .await
            .is_err()
        {
            break;
        }
        match replies.next().await {
            Some(Ok(reply)) => say!("{name}: {line:.20} -> {reply}"),
            _ => break,
        }
    }
    if leaves {
        // Sends the end of the stream (a FIN): the service sees us leave.
        let _ = to_server.shutdown().await;
    }
    while let Some(Ok(said)) = replies.next().await {
        say!("{name}: the service says {said}");
    }
    say!("{name}: connection closed");
}
// ANCHOR_END: customers

#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stock_service
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stock_service
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stock_service
    // This thread's subscriber while `_subscriber` lives.
    let _subscriber =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(SayLayer));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let address = listener.local_addr().expect("has an address");
    let service = start(
        listener,
        &[("apple", 5), ("pear", 0)],
        Duration::from_millis(1500),
    );
    info!("serving on 127.0.0.1");

    // The customers, in the same program only to show what a client sees.
    let mut customers = JoinSet::new();
    let alice: &[_] = &[
        (0, "GET apple"),
        (0, "RESERVE apple 3"),
        (100, "RESERVE apple 3"),
    ];
    customers.spawn(customer("alice", address, 0, alice, true));
    let bob: &[_] = &[
        (0, "FOO 1"),
        (0, "RESERVE pear lots"),
        (100, "RESTOCK pear 4"),
        (1000, "RESERVE pear 4"),
    ];
    customers.spawn(customer("bob", address, 50, bob, false));
    // 79 bytes before its `\n`: more than MAX_LINE.
    let flood: &[_] = &[(
        0,
        "RESERVE apple 1 RESERVE apple 1 RESERVE apple 1 RESERVE apple 1 RESERVE apple 1",
    )];
    customers.spawn(customer("carol", address, 200, flood, true));
    customers.spawn(customer("dave", address, 300, &[], false));

    // Serves until the operator's Ctrl-C: a real one, or, scripted so the
    // program ends by itself, at 2 s.
    tokio::select! {
        pressed = tokio::signal::ctrl_c() => pressed.expect("the Ctrl-C handler installs"),
        () = tokio::time::sleep(Duration::from_secs(2)) => {}
    }
    info!("Ctrl-C: shutting down");
    service.shut_down().await;
    // Only so that the transcript shows how each customer's visit ended.
    customers.join_all().await;
    say!("main: exit");
}
// ANCHOR_END: stock_service

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
