//! `cancel-unsafe`: a real bug. A reader takes 8-byte frames from a byte
//! stream with `read_exact` inside a `select!` that also waits on an idle
//! timer. When the timer wins, the `read_exact` future is dropped with the
//! bytes it had already taken from the stream: they are lost, and every
//! frame read after that is shifted and corrupted.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-cancellation -- cancel-unsafe`.

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

// ANCHOR: sender
use std::time::Duration;

use tokio::io::{AsyncWriteExt, DuplexStream};

/// Sends each 8-byte frame in two halves, 1 s apart, as a slow network
/// would, then closes the stream.
// ANCHOR_END: sender
#[cfg_attr(test, lesson_kit::lane("sender"))]
// ANCHOR: sender
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
// ANCHOR_END: sender

// ANCHOR: cancel_unsafe
use tokio::io::AsyncReadExt;

// ANCHOR_END: cancel_unsafe
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: cancel_unsafe
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: cancel_unsafe
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: cancel_unsafe
    let (mut reader, writer) = tokio::io::duplex(64);
    // The sender runs as its own task, writing into the pipe.
    tokio::spawn(send_frames(writer));
    let mut frame = [0u8; 8];
    loop {
        // Waits for a whole frame or 0.7 s of silence, whichever is first.
        tokio::select! {
            read = reader.read_exact(&mut frame) => match read {
                Ok(_) => say!("reader: got {:?}", String::from_utf8_lossy(&frame)),
                Err(e) => {
                    say!("reader: stream ended: {e}");
                    break;
                }
            },
            // BUG: when this branch wins, the `read_exact` above is
            // dropped, and the bytes it already read go with it.
            () = tokio::time::sleep(Duration::from_millis(700)) => {
                say!("reader: no frame for 0.7 s");
            }
        }
    }
}
// ANCHOR_END: cancel_unsafe

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
