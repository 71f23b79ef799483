//! Exercise `sensor-frames` (predict the output): a sensor sends two
//! readings as length-prefixed frames, cut into pieces of 6 bytes, and the
//! server reads them with `LengthDelimitedCodec`. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise sensor-frames` checks your prediction, and
//! `cargo run -p lesson-framing -- sensor-frames` runs it.

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

// ANCHOR: sensor_frames
use std::net::SocketAddr;
use std::time::Duration;

use futures::StreamExt;
use tokio::io::{self, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{FramedRead, LengthDelimitedCodec};

// ANCHOR_END: sensor_frames
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sensor_frames
async fn sensor(addr: SocketAddr) -> io::Result<()> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?; // small writes go out at once
    // Each frame is its length, in 4 bytes (big-endian), then its bytes.
    let mut bytes = Vec::new();
    for reading in ["t=21.5", "note:\nok"] {
        bytes.extend_from_slice(&(reading.len() as u32).to_be_bytes());
        bytes.extend_from_slice(reading.as_bytes());
    }
    // A slow link: 6 bytes at a time, 100 ms apart.
    for chunk in bytes.chunks(6) {
        stream.write_all(chunk).await?;
        say!("sensor: wrote \"{}\"", chunk.escape_ascii());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Dropping the stream closes the connection.
    Ok(())
}

// ANCHOR_END: sensor_frames
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: sensor_frames
async fn server(socket: TcpStream) -> io::Result<()> {
    // Reads a length, then waits for that many bytes: one frame.
    let mut frames = FramedRead::new(socket, LengthDelimitedCodec::new());
    while let Some(frame) = frames.next().await {
        say!("server: frame \"{}\"", frame?.escape_ascii());
    }
    say!("server: end of stream");
    Ok(())
}

// ANCHOR_END: sensor_frames
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: sensor_frames
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: sensor_frames
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: sensor_frames
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("a bound listener has one");
    let sensor = tokio::spawn(sensor(addr));
    let (socket, _peer) = listener.accept().await.expect("accept");
    server(socket).await.expect("the frames are read");
    sensor
        .await
        .expect("no panic")
        .expect("the readings are sent");
}
// ANCHOR_END: sensor_frames

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
