//! Exercise `torn-readings` (fix the bug): a sensor hub sends one line of
//! text per reading, `kitchen: 21.5 °C`, in two pieces 1 s apart, as a
//! slow link would; the reader reads whole lines with `read_line` and
//! sends a heartbeat every 0.8 s from the same `select!` loop. Each time
//! the heartbeat wins while half a line has come in, that half is lost,
//! though the line buffer lives outside the loop. Make every reading
//! arrive whole, with the heartbeats still every 0.8 s.
//!
//! Check your fix with `cargo xtask exercise torn-readings`, which copies
//! this file to `exercises/torn-readings.rs` for you to edit.

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

// ANCHOR: torn_readings
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};

/// Sends each reading as one line, in two pieces 1 s apart, then closes
/// the stream.
// ANCHOR_END: torn_readings
#[cfg_attr(test, lesson_kit::lane("hub"))]
// ANCHOR: torn_readings
async fn send_readings(mut link: DuplexStream) {
    for (sensor, celsius) in [("kitchen", "21.5"), ("cellar", "12.0"), ("attic", "25.1")] {
        let head = format!("{sensor}: ");
        link.write_all(head.as_bytes())
            .await
            .expect("the reader is there");
        // The slow link: the rest of the line comes 1 s later.
        tokio::time::sleep(Duration::from_secs(1)).await;
        let tail = format!("{celsius} °C\n");
        link.write_all(tail.as_bytes())
            .await
            .expect("the reader is there");
    }
}

// ANCHOR_END: torn_readings
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: torn_readings
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: torn_readings
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: torn_readings
    let (reader, link) = tokio::io::duplex(64);
    tokio::spawn(send_readings(link));
    let mut reader = BufReader::new(reader);
    let mut heartbeat = tokio::time::interval(Duration::from_millis(800));
    // Outside the loop, so that it outlives every turn.
    let mut line = String::new();
    loop {
        // Polls the read first, then the heartbeat.
        tokio::select! {
            biased;
            read = reader.read_line(&mut line) => match read {
                Ok(0) => {
                    say!("reader: the hub closed the link");
                    break;
                }
                Ok(_) => {
                    say!("reader: got {:?}", line.trim_end());
                    line.clear();
                }
                Err(e) => {
                    say!("reader: read failed: {e}");
                    break;
                }
            },
            // `tick` is cancel safe: losing the race consumes no tick.
            _ = heartbeat.tick() => say!("reader: heartbeat"),
        }
    }
}
// ANCHOR_END: torn_readings

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
