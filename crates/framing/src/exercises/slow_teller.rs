//! Exercise `slow-teller` (fix the bug): a server reads payments, one per
//! line, and logs a client that takes more than 150 ms to finish a line,
//! with a `select!` between `read_line` and a timer. A slow teller sends
//! `PAY bob 1000` in three pieces, and the server pays `00`. Make the
//! server read the whole payment, and keep the warning.
//!
//! Check your fix with `cargo xtask exercise slow-teller`, which copies
//! this file to `exercises/slow-teller.rs` for you to edit.

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

// ANCHOR: slow_teller
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

// ANCHOR_END: slow_teller
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: slow_teller
async fn teller(addr: SocketAddr) -> io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?; // small writes go out at once
    // One payment, in three pieces: a slow client.
    for piece in ["PAY b", "ob 10", "00\n"] {
        stream.write_all(piece.as_bytes()).await?;
        say!("teller: wrote {piece:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Dropping the stream closes the connection.
    Ok(())
}

// ANCHOR_END: slow_teller
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: slow_teller
async fn server(socket: TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(socket);
    let mut line = String::new();
    loop {
        tokio::select! {
            // Reads up to the next `\n`, into `line`.
            read = reader.read_line(&mut line) => {
                if read? == 0 {
                    say!("server: end of stream");
                    return Ok(());
                }
                say!("server: payment {:?}", line.trim_end());
                line.clear();
            }
            // Logs a client that is slow to finish its line, and waits on.
            () = tokio::time::sleep(Duration::from_millis(150)) => {
                say!("server: 150 ms without a whole line");
            }
        }
    }
}

// ANCHOR_END: slow_teller
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: slow_teller
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: slow_teller
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: slow_teller
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    let teller = tokio::spawn(teller(addr));
    let (socket, _peer) = listener.accept().await.expect("accept");
    server(socket).await.expect("the payments are read");
    teller
        .await
        .expect("no panic")
        .expect("the payment is sent");
}
// ANCHOR_END: slow_teller

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
