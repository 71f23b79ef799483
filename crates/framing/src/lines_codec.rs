//! `lines-codec`: a payment server that speaks in lines both ways, through
//! `Framed` and `LinesCodec::new_with_max_length(32)`. Three clients: a
//! teller whose payment arrives in three pieces gets one `ok` reply, when
//! the last piece is in; a flooder that sends 48 bytes without a newline
//! gets an error reply as soon as the line is over 32 bytes, and a closed
//! connection; a client whose line is not UTF-8 gets the same.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-framing -- lines-codec`.

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

// ANCHOR: lines_codec
use std::net::SocketAddr;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use tokio::io::{self, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_util::codec::{Framed, FramedRead, LinesCodec, LinesCodecError};

/// The longest line the server takes, without its `\n`.
const MAX_LINE: usize = 32;

// ANCHOR_END: lines_codec
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: lines_codec
async fn server(listener: TcpListener) -> io::Result<()> {
    let mut connections = 0;
    loop {
        let (socket, _peer) = listener.accept().await?;
        connections += 1;
        let id = connections;
        tokio::spawn(async move {
            if let Err(e) = handle(socket, id).await {
                say!("server: connection {id} failed: {e}");
            }
        });
    }
}

// ANCHOR_END: lines_codec
#[cfg_attr(test, lesson_kit::lane(format!("connection {id}")))]
// ANCHOR: lines_codec
async fn handle(socket: TcpStream, id: u32) -> Result<(), LinesCodecError> {
    socket.set_nodelay(true)?; // each reply goes out at once (no Nagle)
    // One value for both directions: a `Stream` of the lines that come in,
    // and a `Sink` of the lines that go out, each with its `\n`.
    let mut lines = Framed::new(socket, LinesCodec::new_with_max_length(MAX_LINE));
    // Waits until a whole line is buffered, or the stream ends (`None`).
    while let Some(line) = lines.next().await {
        match line {
            Ok(payment) => {
                say!("server: connection {id}: {payment:?}");
                lines.send(format!("ok: {payment}")).await?;
            }
            Err(e) => {
                let reply = match &e {
                    // The codec gives up on a line as soon as it is too
                    // long, without waiting for a `\n` that may not come.
                    LinesCodecError::MaxLineLengthExceeded => {
                        format!("error: a line has at most {MAX_LINE} bytes")
                    }
                    // A whole line, but not UTF-8.
                    LinesCodecError::Io(io) if io.kind() == io::ErrorKind::InvalidData => {
                        "error: a line must be UTF-8".to_string()
                    }
                    LinesCodecError::Io(_) => return Err(e), // the connection failed
                };
                // `Framed` could read on: its next `next()` is `None` once,
                // then lines again (a too-long one is skipped up to its
                // `\n`). Closing is this server's choice: say why, and close.
                say!("server: connection {id}: {e}; closing");
                lines.send(reply).await?;
                return Ok(());
            }
        }
    }
    say!("server: connection {id}: end of stream");
    Ok(())
}

// ANCHOR_END: lines_codec
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: lines_codec
async fn client(addr: SocketAddr, name: &str, start_ms: u64, pieces: &[&[u8]]) -> io::Result<()> {
    tokio::time::sleep(Duration::from_millis(start_ms)).await;
    let stream = TcpStream::connect(addr).await?;
    // Each small write goes out at once, not held back until the
    // previous one is acknowledged (Nagle's algorithm).
    stream.set_nodelay(true)?;
    let (from_server, mut to_server) = stream.into_split();
    // The replies, read as lines too (the server is trusted: no limit).
    let mut replies = FramedRead::new(from_server, LinesCodec::new());
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        to_server.write_all(piece).await?;
        // `escape_ascii` shows the bytes as written: `\n`, `\xff`.
        say!("{name}: wrote \"{}\"", piece.escape_ascii());
    }
    if let Some(reply) = replies.next().await {
        say!("{name}: reply {:?}", reply.map_err(io::Error::other)?);
    }
    // Done: shut down our side, and wait for the server to close its own.
    to_server.shutdown().await?;
    while replies.next().await.is_some() {}
    say!("{name}: connection closed");
    Ok(())
}

// ANCHOR_END: lines_codec
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: lines_codec
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: lines_codec
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: lines_codec
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    // Nobody awaits this task, so it reports its own error: `server`
    // returns one only if `accept` fails.
    tokio::spawn(async move {
        if let Err(e) = server(listener).await {
            say!("server: {e}");
        }
    });

    let mut clients = JoinSet::new();
    // A payment in three pieces, 100 ms apart.
    clients.spawn(client(addr, "teller", 0, &[b"PAY b", b"ob 10", b"00\n"]));
    // 48 bytes and no newline, in two writes.
    let flood: &[&[u8]] = &[&[b'9'; 24], &[b'9'; 24]];
    clients.spawn(client(addr, "flooder", 300, flood));
    // A whole line, with two bytes that are not UTF-8.
    clients.spawn(client(addr, "garbler", 500, &[b"PAY \xff\xfe 5\n"]));
    while let Some(finished) = clients.join_next().await {
        if let Err(e) = finished.expect("a client does not panic") {
            say!("main: a client failed: {e}");
        }
    }
}
// ANCHOR_END: lines_codec

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
