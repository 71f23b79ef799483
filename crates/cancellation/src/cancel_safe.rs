//! `cancel-safe`: the fix. The bytes read so far live in a buffer *outside*
//! the loop, and the `select!` branch uses `read_buf`, which is cancel
//! safe: it either completes, having appended what it read, or, if
//! dropped, has read nothing. Losing the race to the timer costs nothing.

use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};

/// The same sender as in `cancel-unsafe`: 8-byte frames in two halves,
/// 1 s apart.
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
pub async fn run() {
    let (mut reader, writer) = tokio::io::duplex(64);
    tokio::spawn(send_frames(writer).lane("sender"));
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
            // Dropping `read_buf` when this wins loses nothing: any bytes
            // it read were already appended to `pending`.
            () = tokio::time::sleep(Duration::from_millis(700)) => {
                say!("reader: no frame for 0.7 s");
            }
        }
    }
}
// ANCHOR_END: cancel_safe
