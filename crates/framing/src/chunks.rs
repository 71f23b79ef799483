//! `chunks`: TCP carries bytes, not messages. A bank client sends three
//! payment lines: the first in three pieces, 100 ms apart, the other two
//! in a single write. A server that calls `read` gets whatever has
//! arrived: four chunks, none of them one message.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-framing -- chunks`.

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

// ANCHOR: chunks
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

// ANCHOR_END: chunks
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: chunks
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

// ANCHOR_END: chunks
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: chunks
async fn server(mut socket: TcpStream) -> io::Result<()> {
    let mut buf = [0; 1024];
    loop {
        // Returns as soon as *some* bytes are there: whatever has arrived.
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            say!("server: end of stream");
            return Ok(());
        }
        let chunk = String::from_utf8_lossy(&buf[..n]);
        say!("server: read {n} bytes: {chunk:?}");
    }
}

// ANCHOR_END: chunks
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: chunks
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: chunks
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: chunks
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
// ANCHOR_END: chunks

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
