//! Exercise `newsroom` (predict the output): a newsroom server broadcasts
//! headlines to every reader connected over TCP, through a broadcast
//! channel that keeps 16 messages. One reader joins late. Write down what
//! it prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise newsroom` checks your prediction, and
//! `cargo run -p lesson-chat-server -- newsroom` runs it.

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

// ANCHOR: newsroom
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast;

// ANCHOR_END: newsroom
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: newsroom
async fn newsroom(listener: TcpListener, tx: broadcast::Sender<String>) -> io::Result<()> {
    // Two readers, then it stops accepting (and drops its `tx`).
    for _ in 0..2 {
        let (socket, _peer) = listener.accept().await?;
        // Subscribed at accept; one task per connection.
        tokio::spawn(forward(socket, tx.subscribe()));
    }
    Ok(())
}

// ANCHOR_END: newsroom
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: newsroom
async fn forward(mut socket: TcpStream, mut rx: broadcast::Receiver<String>) -> io::Result<()> {
    socket.set_nodelay(true)?; // each line goes out at once
    // `Err` can only be `Closed` here (16 slots: nobody lags): every
    // sender is gone. Returning drops the socket.
    while let Ok(headline) = rx.recv().await {
        socket.write_all(format!("{headline}\n").as_bytes()).await?;
    }
    Ok(())
}

// ANCHOR_END: newsroom
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: newsroom
async fn reader(addr: SocketAddr, name: &'static str, joins_ms: u64) -> io::Result<()> {
    tokio::time::sleep(Duration::from_millis(joins_ms)).await;
    let stream = TcpStream::connect(addr).await?;
    let mut lines = BufReader::new(stream).lines();
    while let Some(line) = lines.next_line().await? {
        say!("{name} reads {line:?}");
    }
    say!("{name}: newsroom closed");
    Ok(())
}

// ANCHOR_END: newsroom
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: newsroom
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: newsroom
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: newsroom
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    let (tx, _) = broadcast::channel(16);
    tokio::spawn(newsroom(listener, tx.clone()));
    let ann = tokio::spawn(reader(addr, "ann", 0));
    let ben = tokio::spawn(reader(addr, "ben", 1500));
    for headline in ["rain at noon", "sun by four"] {
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("desk sends {headline:?}");
        tx.send(headline.to_string())
            .expect("someone is subscribed");
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("desk: closing");
    drop(tx);
    for reader in [ann, ben] {
        reader.await.expect("no panic").expect("the reader reads");
    }
}
// ANCHOR_END: newsroom

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
