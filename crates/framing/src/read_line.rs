//! `read-line`: the client of `chunks` again, and a server that reads
//! lines with `BufReader::read_line`: the message sent in three pieces
//! comes out once, whole, when its last piece arrives, and the two
//! messages of one write come out one at a time.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-framing -- read-line`.

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

// ANCHOR: read_line
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

// ANCHOR_END: read_line
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: read_line
async fn client(addr: SocketAddr) -> io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    // Each small write goes out at once, not held back until the
    // previous one is acknowledged (Nagle's algorithm).
    stream.set_nodelay(true)?;
    // One message in three pieces, as a slow network may deliver it...
    for piece in ["PAY b", "ob 10", "00\n"] {
        stream.write_all(piece.as_bytes()).await?;
        say!("client: wrote {piece:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // ...and two messages in one write.
    let two = "PAY carol 5\nPAY dave 7\n";
    stream.write_all(two.as_bytes()).await?;
    say!("client: wrote {two:?}");
    // Dropping the stream closes the connection: the server reads the end.
    Ok(())
}

// ANCHOR_END: read_line
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: read_line
async fn server(socket: TcpStream) -> io::Result<()> {
    // Reads the socket into a buffer of its own (8 KiB), and hands it out
    // up to each `\n`: the bytes after one stay for the next line.
    let mut reader = BufReader::new(socket);
    let mut line = String::new();
    loop {
        line.clear();
        // Reads as many times as it takes to see a `\n` (or the end of
        // the stream, `Ok(0)`); the line keeps its `\n`.
        if reader.read_line(&mut line).await? == 0 {
            say!("server: end of stream");
            return Ok(());
        }
        say!("server: message {:?}", line.trim_end());
    }
}

// ANCHOR_END: read_line
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: read_line
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: read_line
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: read_line
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    let client = tokio::spawn(client(addr));
    // One connection, served here in `main` until its end.
    let (socket, _peer) = listener.accept().await.expect("accept");
    if let Err(e) = server(socket).await {
        say!("server: {e}");
    }
    if let Err(e) = client.await.expect("the client does not panic") {
        say!("client: {e}");
    }
}
// ANCHOR_END: read_line

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
