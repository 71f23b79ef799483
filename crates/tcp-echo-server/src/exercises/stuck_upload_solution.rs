//! A solution of exercise `stuck-upload`: the uploader shuts down its
//! writing direction when it has sent everything, which is the end of the
//! stream the archive's `read_to_end` waits for. (Splitting the stream
//! with `into_split` and dropping the write half does the same.)

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

// ANCHOR: stuck_upload_solution
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

// ANCHOR_END: stuck_upload_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_upload_solution
async fn archive(mut socket: TcpStream) -> io::Result<()> {
    // An upload is everything up to the end of the stream, so the server
    // reads until the client says it is done.
    let mut upload = Vec::new();
    socket.read_to_end(&mut upload).await?;
    say!("archive: stored {} bytes", upload.len());
    let receipt = format!("stored {} bytes", upload.len());
    socket.write_all(receipt.as_bytes()).await?;
    // Returning drops the socket: the client reads the end of the stream.
    Ok(())
}

// ANCHOR_END: stuck_upload_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_upload_solution
async fn uploader(addr: SocketAddr) -> io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    for part in ["report part 1;", "report part 2;"] {
        stream.write_all(part.as_bytes()).await?;
        say!("uploader: sent {part:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Closes our writing direction only: the archive's `read_to_end`
    // returns, and we can still read its receipt.
    stream.shutdown().await?;
    say!("uploader: done sending");
    // Reads the receipt: everything until the archive closes its side.
    let mut receipt = String::new();
    stream.read_to_string(&mut receipt).await?;
    say!("uploader: receipt {receipt:?}");
    Ok(())
}

// ANCHOR_END: stuck_upload_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stuck_upload_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stuck_upload_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stuck_upload_solution
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    let client = tokio::spawn(uploader(addr));
    let (socket, _peer) = listener.accept().await.expect("accept");
    archive(socket).await.expect("the upload is stored");
    client
        .await
        .expect("no panic")
        .expect("the receipt is read");
}
// ANCHOR_END: stuck_upload_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
