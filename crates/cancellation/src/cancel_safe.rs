//! `cancel-safe`: the fix. The bytes read so far live in a buffer *outside*
//! the loop, and the `select!` branch uses `read_buf`, which is cancel
//! safe: it either completes, having appended what it read, or, if
//! dropped, has read nothing. Losing the race to the timer costs nothing.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-cancellation -- cancel-safe`.

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

use tokio::io::{AsyncWriteExt, DuplexStream};

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

// ANCHOR: cancel_safe
use std::time::Duration;

use tokio::io::AsyncReadExt;

// ANCHOR_END: cancel_safe
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: cancel_safe
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: cancel_safe
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: cancel_safe
    let (mut reader, writer) = tokio::io::duplex(64);
    tokio::spawn(send_frames(writer));
    // Survives every turn of the loop, whichever branch wins.
    let mut pending: Vec<u8> = Vec::with_capacity(64);
    loop {
        // Waits for more bytes or 0.7 s of silence, whichever is first.
        tokio::select! {
            read = reader.read_buf(&mut pending) => match read {
                Ok(0) => {
                    say!("reader: stream ended");
                    break;
                }
                Ok(_) => {
                    // Takes out every complete frame; a half frame stays
                    // in `pending` for the next read to complete.
                    while pending.len() >= 8 {
                        let frame: Vec<u8> = pending.drain(..8).collect();
                        say!("reader: got {:?}", String::from_utf8_lossy(&frame));
                    }
                }
                Err(e) => {
                    say!("reader: read failed: {e}");
                    break;
                }
            },
            // When this wins, the `read_buf` dropped with the other branch
            // has read nothing (had it read a byte, it would have
            // completed); what earlier reads took stays in `pending`.
            () = tokio::time::sleep(Duration::from_millis(700)) => {
                say!("reader: no frame for 0.7 s");
            }
        }
    }
}
// ANCHOR_END: cancel_safe

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
