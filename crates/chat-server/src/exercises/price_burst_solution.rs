//! A solution of exercise `price-burst`: the feed tells `Lagged` from
//! `Closed`. A lagging receiver is still subscribed: its next `recv()`
//! returns the oldest price the channel still holds. Only `Closed` ends
//! the feed.

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

// ANCHOR: price_burst_solution
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast::{self, error::RecvError};

// ANCHOR_END: price_burst_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: price_burst_solution
async fn feed(mut socket: TcpStream, mut rx: broadcast::Receiver<String>) -> io::Result<()> {
    socket.set_nodelay(true)?; // each price goes out at once
    loop {
        match rx.recv().await {
            Ok(price) => socket.write_all(format!("{price}\n").as_bytes()).await?,
            // Overwritten before we read them: say so, and read on from the
            // oldest price the channel still holds.
            Err(RecvError::Lagged(missed)) => {
                let notice = format!("* missed {missed} prices\n");
                socket.write_all(notice.as_bytes()).await?;
            }
            // Every sender is gone: the exchange has closed.
            Err(RecvError::Closed) => return Ok(()),
        }
    }
}

// ANCHOR_END: price_burst_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: price_burst_solution
async fn trader(addr: SocketAddr) -> io::Result<()> {
    let stream = TcpStream::connect(addr).await?;
    let mut lines = BufReader::new(stream).lines();
    while let Some(line) = lines.next_line().await? {
        say!("trader reads {line:?}");
    }
    say!("trader: feed closed");
    Ok(())
}

// ANCHOR_END: price_burst_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: price_burst_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: price_burst_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: price_burst_solution
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    // The channel keeps the last 2 prices.
    let (tx, _) = broadcast::channel(2);
    let trader = tokio::spawn(trader(addr));
    let (socket, _peer) = listener.accept().await.expect("accept");
    tokio::spawn(feed(socket, tx.subscribe()));
    tokio::time::sleep(Duration::from_secs(1)).await;
    // The opening: four prices at once, before the feed task runs. (A
    // `send` fails only when nobody is subscribed; then nobody misses it.)
    for price in ["ACME 101", "ACME 102", "ACME 103", "ACME 104"] {
        let _ = tx.send(price.to_string());
    }
    say!("exchange: sent 4 opening prices");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let _ = tx.send("ACME 99".to_string());
    say!("exchange: sent ACME 99");
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("exchange: closing");
    drop(tx);
    trader.await.expect("no panic").expect("the trader reads");
}
// ANCHOR_END: price_burst_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
