//! `copy-halves`: an echo server whose connection handler is one call,
//! `tokio::io::copy` from the socket's read half into its write half, and
//! a sensor client that writes readings from one task while it reads the
//! echoes in another, through the two owned halves of `into_split`. Each
//! echo comes back as soon as its reading is written; the server's copy
//! ends when the client shuts down its writing side.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-tcp-echo-server -- copy-halves`.

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

// ANCHOR: copy_halves
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpListener, TcpStream};

// ANCHOR_END: copy_halves
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: copy_halves
async fn server(listener: TcpListener) -> io::Result<()> {
    loop {
        let (socket, _peer) = listener.accept().await?;
        tokio::spawn(async move {
            if let Err(e) = echo(socket).await {
                say!("server: connection failed: {e}");
            }
        });
    }
}

// ANCHOR_END: copy_halves
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: copy_halves
async fn echo(mut socket: TcpStream) -> io::Result<()> {
    // Two halves borrowed from one socket, so that `copy` can read from
    // one while it writes to the other, in this one task.
    let (mut from_client, mut to_client) = socket.split();
    // Writes out whatever it reads, as soon as it reads it, until the
    // client shuts down its side (a read of 0 bytes).
    let bytes = io::copy(&mut from_client, &mut to_client).await?;
    say!("server: the client is done; echoed {bytes} bytes");
    // Returning drops the socket, which closes the connection.
    Ok(())
}

// ANCHOR_END: copy_halves
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: copy_halves
async fn send_readings(mut to_server: OwnedWriteHalf) -> io::Result<()> {
    for reading in ["temp=21.5", "temp=21.7", "temp=22.0"] {
        to_server.write_all(reading.as_bytes()).await?;
        say!("sensor: sent {reading:?}");
        // The next reading comes 100 ms later.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Shuts down the writing direction only: the server reads the end of
    // the stream, and we can still read its last echoes.
    to_server.shutdown().await?;
    say!("sensor: done sending");
    Ok(())
}

// ANCHOR_END: copy_halves
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: copy_halves
async fn sensor(addr: SocketAddr) -> io::Result<()> {
    let stream = TcpStream::connect(addr).await?;
    // Two owned halves: the write half moves into a task of its own, so
    // this task reads while that one writes.
    let (mut from_server, to_server) = stream.into_split();
    let sender = tokio::spawn(send_readings(to_server));
    let mut buf = [0; 64];
    loop {
        // Waits for the next echo, however the sender is doing.
        let n = from_server.read(&mut buf).await?;
        if n == 0 {
            break; // the server closed the connection
        }
        say!("sensor: echo {:?}", String::from_utf8_lossy(&buf[..n]));
    }
    say!("sensor: the server closed the connection");
    sender.await.expect("the sender does not panic")
}

// ANCHOR_END: copy_halves
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: copy_halves
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: copy_halves
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: copy_halves
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    // Dropped by the runtime, in `accept()`, when `main` returns.
    // Nobody awaits this task, so it reports its own error: `server`
    // returns one only if `accept` fails.
    tokio::spawn(async move {
        if let Err(e) = server(listener).await {
            say!("server: {e}");
        }
    });
    if let Err(e) = sensor(addr).await {
        say!("main: the sensor failed: {e}");
    }
}
// ANCHOR_END: copy_halves

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
