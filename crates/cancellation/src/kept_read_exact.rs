//! `kept-read-exact`: the other fix. One `read_exact` is kept across the
//! turns of the `select!` loop: created before the loop, pinned, polled
//! through `&mut`, and replaced only after it completes, so losing to the
//! timer costs it nothing. The future owns the reader and its buffer (a
//! `read_exact(&mut frame)` kept that way would hold `reader` and `frame`
//! borrowed, and the loop would not compile), and hands the reader back
//! with the frame. It prints what `cancel-safe` prints.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-cancellation -- kept-read-exact`.

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

use tokio::io::AsyncWriteExt;

/// The same sender as in `cancel-unsafe`: 8-byte frames in two halves,
/// 1 s apart.
#[cfg_attr(test, lesson_kit::lane("sender"))]
async fn send_frames(mut stream: DuplexStream) {
    for frame in ["order-01", "order-02", "order-03"] {
        say!("sender: sending {frame:?}, half now, half in 1 s");
        let (first, second) = frame.as_bytes().split_at(4);
        // Writing into the in-memory pipe is immediate; the reader wakes.
        stream.write_all(first).await.expect("the reader is there");
        // The slow network: the frame's second half comes 1 s later.
        tokio::time::sleep(Duration::from_secs(1)).await;
        stream.write_all(second).await.expect("the reader is there");
    }
}

// ANCHOR: kept_read_exact
use std::io;
use std::time::Duration;

use tokio::io::{AsyncReadExt, DuplexStream};

/// Reads one 8-byte frame. The future owns the reader and the buffer, and
/// gives the reader back with the frame: it borrows nothing from the loop
/// below, so it can live across the loop's turns.
async fn read_frame(mut reader: DuplexStream) -> (DuplexStream, io::Result<[u8; 8]>) {
    let mut frame = [0u8; 8];
    let read = reader.read_exact(&mut frame).await.map(|_| frame);
    (reader, read)
}

// ANCHOR_END: kept_read_exact
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: kept_read_exact
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: kept_read_exact
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: kept_read_exact
    let (reader, writer) = tokio::io::duplex(64);
    tokio::spawn(send_frames(writer));
    // One read in flight, created before the loop and pinned in place.
    let read = read_frame(reader);
    tokio::pin!(read);
    loop {
        // Waits for a whole frame or 0.7 s of silence, whichever is first.
        tokio::select! {
            // Polled through `&mut`: when the timer wins, only the
            // reference is dropped, and the read keeps the bytes it has.
            (reader, read_result) = &mut read => match read_result {
                Ok(frame) => {
                    say!("reader: got {:?}", String::from_utf8_lossy(&frame));
                    // A new read only once this one has completed.
                    read.set(read_frame(reader));
                }
                // The stream closed (before a frame, or in the middle of one).
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    say!("reader: stream ended");
                    break;
                }
                Err(e) => {
                    say!("reader: read failed: {e}");
                    break;
                }
            },
            () = tokio::time::sleep(Duration::from_millis(700)) => {
                say!("reader: no frame for 0.7 s");
            }
        }
    }
}
// ANCHOR_END: kept_read_exact

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
