//! `cut-off`: a client that dies in the middle of a line. It means to send
//! `PAY erin 1000\n`, and gets only `PAY erin 100` out before it
//! disconnects. `LinesCodec` hands those bytes out as a last line at the
//! end of the stream (its `decode_eof`), so the server sees a payment of
//! 100; `StrictLines`, a `Decoder` that wraps it and overrides only
//! `decode_eof`, reports the cut-off bytes as an error instead.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-framing -- cut-off`.

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

// ANCHOR: cut_off
use std::net::SocketAddr;
use std::time::Duration;

use futures::StreamExt;
use tokio::io::{self, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::bytes::BytesMut;
use tokio_util::codec::{Decoder, FramedRead, LinesCodec, LinesCodecError};

/// `LinesCodec`, except at the end of the stream: bytes left there without
/// their `\n` are an error, not a last line.
struct StrictLines(LinesCodec);

impl Decoder for StrictLines {
    type Item = String;
    type Error = LinesCodecError;

    /// Until the end of the stream: exactly `LinesCodec`.
    fn decode(&mut self, buf: &mut BytesMut) -> Result<Option<String>, LinesCodecError> {
        self.0.decode(buf)
    }

    /// At the end: whole lines still buffered come out, and then any bytes
    /// left over are reported, with what they were.
    fn decode_eof(&mut self, buf: &mut BytesMut) -> Result<Option<String>, LinesCodecError> {
        match self.0.decode(buf)? {
            Some(line) => Ok(Some(line)),
            None if buf.is_empty() => Ok(None),
            None => {
                // `split` takes every byte out of the buffer, to report them.
                let cut = buf.split();
                // And a fresh `LinesCodec`: the old one remembers how far it
                // searched (`next_index`) in bytes that are gone now.
                self.0 = LinesCodec::new_with_max_length(self.0.max_length());
                let message = format!("cut off mid-line: \"{}\"", cut.escape_ascii());
                Err(io::Error::new(io::ErrorKind::UnexpectedEof, message).into())
            }
        }
    }
}

// ANCHOR_END: cut_off
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: cut_off
async fn client(addr: SocketAddr) -> io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    let payment = b"PAY erin 1000\n";
    // Only the first 12 bytes go out...
    stream.write_all(&payment[..12]).await?;
    say!("client: wrote \"{}\"", payment[..12].escape_ascii());
    tokio::time::sleep(Duration::from_millis(100)).await;
    // ...and then the client dies: returning drops the stream, which
    // closes the connection, as the system does for a process that exits.
    say!("client: gone, without \"{}\"", payment[12..].escape_ascii());
    Ok(())
}

// ANCHOR_END: cut_off
#[cfg_attr(test, lesson_kit::lane(codec))]
// ANCHOR: cut_off
async fn read_payments<D>(listener: &TcpListener, codec: &str, decoder: D) -> io::Result<()>
where
    D: Decoder<Item = String, Error = LinesCodecError>,
{
    let client = tokio::spawn(client(listener.local_addr()?));
    let (socket, _peer) = listener.accept().await?;
    let mut payments = FramedRead::new(socket, decoder);
    // At the end of the stream, `next()` asks the decoder's `decode_eof`.
    while let Some(payment) = payments.next().await {
        match payment {
            Ok(payment) => say!("{codec}: payment {payment:?}"),
            Err(e) => {
                say!("{codec}: error: {e}");
                break;
            }
        }
    }
    say!("{codec}: connection over");
    client.await.expect("the client does not panic")
}

// ANCHOR_END: cut_off
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: cut_off
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: cut_off
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: cut_off
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    // The same client twice: first read by `LinesCodec`, then by
    // `StrictLines`. (Both take lines of at most 64 bytes.)
    let lenient = LinesCodec::new_with_max_length(64);
    if let Err(e) = read_payments(&listener, "LinesCodec", lenient).await {
        say!("main: {e}");
    }
    let strict = StrictLines(LinesCodec::new_with_max_length(64));
    if let Err(e) = read_payments(&listener, "StrictLines", strict).await {
        say!("main: {e}");
    }
}
// ANCHOR_END: cut_off

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
