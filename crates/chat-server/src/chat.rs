//! `chat`: a chat server and three clients in one program, over real
//! loopback TCP. Every connection task sends its client's lines into one
//! `broadcast` channel and, in a `select!` loop, forwards what the others
//! sent; a client that leaves (EOF) is announced to the others. Bob and
//! Carol read Alice's line at the instant she sends it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-chat-server -- chat`.

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

// ANCHOR: server
use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::task::JoinSet;

/// A line for everyone: the address of the connection it came from (so
/// that connection does not send it back) and the text.
type Message = (SocketAddr, String);

// ANCHOR_END: server
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: server
async fn server(listener: TcpListener, clients: usize) {
    // One channel for the whole chat: each connection sends into it and
    // has a receiver of its own. `send` never waits for the receivers.
    let (tx, _) = broadcast::channel::<Message>(16);
    let mut connections = JoinSet::new();
    // A demo server: it takes `clients` connections, then stops accepting.
    for _ in 0..clients {
        // Waits for the next client; the connections run meanwhile.
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                say!("server: accept failed: {e}");
                continue;
            }
        };
        // Subscribed here, so this connection gets every line sent from
        // now on; one task per connection.
        connections.spawn(connection(stream, peer, tx.clone(), tx.subscribe()));
    }
    drop(listener);
    // Waits for each connection to end, whatever the order.
    while let Some(ended) = connections.join_next().await {
        match ended {
            Ok(Ok(())) => {}
            Ok(Err(e)) => say!("server: a connection failed: {e}"),
            // The task panicked: the `JoinError` says so, and with what.
            Err(e) => say!("server: a connection task ended: {e}"),
        }
    }
    say!("server: all {clients} clients left, shutting down");
}

async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    tx: broadcast::Sender<Message>,
    rx: broadcast::Receiver<Message>,
) -> io::Result<()> {
    // Each line goes out at once, not held back until the previous one
    // is acknowledged (Nagle's algorithm).
    stream.set_nodelay(true)?;
    let (reader, writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    // The client's first line is its name (EOF before it: nobody to chat).
    let Some(name) = lines.next_line().await? else {
        return Ok(());
    };
    let chatted = chat(&name, peer, lines, writer, &tx, rx).await;
    // Left (EOF) or failed: either way, the others are told. `send` fails
    // only when no receiver is left, and then nobody is there to tell.
    let _ = tx.send((peer, format!("* {name} left")));
    chatted
}

// ANCHOR_END: server
#[cfg_attr(test, lesson_kit::lane(format!("{name}'s connection")))]
// ANCHOR: server
async fn chat(
    name: &str,
    peer: SocketAddr,
    mut lines: Lines<BufReader<OwnedReadHalf>>,
    mut writer: OwnedWriteHalf,
    tx: &broadcast::Sender<Message>,
    mut rx: broadcast::Receiver<Message>,
) -> io::Result<()> {
    loop {
        // Waits for whichever comes first: a line from this client, or a
        // message on the channel. The branch that loses is dropped, which
        // is safe here because both futures are cancel safe.
        tokio::select! {
            // A line is taken out of the socket only when complete; a part
            // read so far stays in `lines` for the next turn.
            line = lines.next_line() => match line? {
                Some(line) => {
                    let _ = tx.send((peer, format!("{name}: {line}")));
                }
                // EOF: the client closed its side of the socket.
                None => return Ok(()),
            },
            // A dropped `recv()` has taken nothing out of the channel.
            message = rx.recv() => match message {
                Ok((from, text)) if from != peer => {
                    // The loop waits here until the kernel takes the line:
                    // meanwhile neither branch is polled.
                    writer.write_all(format!("{text}\n").as_bytes()).await?;
                }
                // This connection's own line: the client has it already.
                Ok(_) => {}
                Err(RecvError::Lagged(missed)) => {
                    let noun = if missed == 1 { "line" } else { "lines" };
                    let notice = format!("* you missed {missed} {noun}\n");
                    writer.write_all(notice.as_bytes()).await?;
                }
                // Every sender is gone. It cannot happen here, since this
                // connection holds `tx`; the match must still say what to do.
                Err(RecvError::Closed) => return Ok(()),
            },
        }
    }
}
// ANCHOR_END: server

// ANCHOR: clients
use std::time::Duration;

use tokio::time::{Instant, sleep_until};

/// What one client does, in milliseconds from the start.
struct Script {
    name: &'static str,
    joins: u64,
    says: &'static [(u64, &'static str)],
    leaves: u64,
}

const CLIENTS: [Script; 3] = [
    Script {
        name: "alice",
        joins: 0,
        says: &[(1_000, "hi all")],
        leaves: 3_000,
    },
    Script {
        name: "bob",
        joins: 100,
        says: &[],
        leaves: 3_500,
    },
    Script {
        name: "carol",
        joins: 200,
        says: &[],
        leaves: 2_000,
    },
];

// ANCHOR_END: clients
#[cfg_attr(test, lesson_kit::lane(script.name))]
// ANCHOR: clients
async fn client(server: SocketAddr, script: Script) -> io::Result<()> {
    let start = Instant::now();
    let at = |ms| sleep_until(start + Duration::from_millis(ms));
    at(script.joins).await;
    let stream = TcpStream::connect(server).await?;
    stream.set_nodelay(true)?; // each line goes out at once, as above
    let (reader, mut writer) = stream.into_split();
    let name = script.name;
    writer.write_all(format!("{name}\n").as_bytes()).await?;
    let talk = async move {
        for &(ms, line) in script.says {
            at(ms).await;
            say!("{name} sends {line:?}");
            writer.write_all(format!("{line}\n").as_bytes()).await?;
        }
        at(script.leaves).await;
        say!("{name} leaves");
        // Dropping the write half shuts down our side of the socket: the
        // server reads EOF, but we can still read what it sends.
        drop(writer);
        Ok::<_, io::Error>(())
    };
    let listen = async {
        let mut lines = BufReader::new(reader).lines();
        // Until the server closes its side, after we have left.
        while let Some(line) = lines.next_line().await? {
            say!("{name} reads {line:?}");
        }
        Ok(())
    };
    // Talking and listening at once, on this task.
    tokio::try_join!(talk, listen)?;
    Ok(())
}

// ANCHOR_END: clients
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: clients
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: clients
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: clients
    // Port 0: the system picks a free port, and the listener tells it.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("a bound listener's address");
    let server = tokio::spawn(server(listener, CLIENTS.len()));
    let mut clients = JoinSet::new();
    for script in CLIENTS {
        clients.spawn(client(address, script));
    }
    // Waits for every client to finish its script, then for the server.
    for result in clients.join_all().await {
        if let Err(e) = result {
            say!("a client failed: {e}");
        }
    }
    server.await.expect("the server does not panic");
}
// ANCHOR_END: clients

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
