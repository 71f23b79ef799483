//! A solution of exercise `torn-readings`: the lines come from
//! `BufReader::lines()`, whose `next_line()` is cancel safe: a partial
//! line stays in the `Lines` value, which lives outside the loop.
//! (`read_until(b'\n', &mut bytes)`, into a `Vec<u8>` kept outside the
//! loop, fixes it too: `read_until` is cancel safe, as `read_line` is not.
//! So does one read kept across the turns, as in the chapter.)

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

// ANCHOR: torn_readings_solution
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};

/// Sends each reading as one line, in two pieces 1 s apart, then closes
/// the stream.
// ANCHOR_END: torn_readings_solution
#[cfg_attr(test, lesson_kit::lane("hub"))]
// ANCHOR: torn_readings_solution
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

// ANCHOR_END: torn_readings_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: torn_readings_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: torn_readings_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: torn_readings_solution
    let (reader, link) = tokio::io::duplex(64);
    tokio::spawn(send_readings(link));
    // `Lines` keeps a partial line in a buffer of its own, between calls.
    let mut lines = BufReader::new(reader).lines();
    let mut heartbeat = tokio::time::interval(Duration::from_millis(800));
    loop {
        // Polls the read first, then the heartbeat.
        tokio::select! {
            biased;
            // `next_line` is cancel safe: when the heartbeat wins, the
            // bytes it has read wait in `lines` for the next call.
            read = lines.next_line() => match read {
                Ok(None) => {
                    say!("reader: the hub closed the link");
                    break;
                }
                Ok(Some(line)) => say!("reader: got {line:?}"),
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
// ANCHOR_END: torn_readings_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
