//! `unfold`: a stream of sensor readings made with `stream::unfold`, the
//! Rust counterpart of a Python async generator. It is pulled: each
//! reading is taken only when the consumer asks for the next one.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-streams -- unfold`.

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

// ANCHOR: unfold
use std::pin::pin;
use std::time::Duration;

use futures::{Stream, StreamExt, stream};

/// Three readings, one every half second; `unfold` carries the state (the
/// count so far) from one item to the next.
fn readings() -> impl Stream<Item = f64> {
    stream::unfold(0, |taken| async move {
        if taken == 3 {
            return None; // the stream ends
        }
        say!("sensor: measuring #{}", taken + 1);
        // Waits for the sample: the stream's `next()` is pending meanwhile.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let celsius = 12.5 + 0.25 * f64::from(taken);
        Some((celsius, taken + 1)) // yield `celsius`, keep `taken + 1`
    })
}

// ANCHOR_END: unfold
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: unfold
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: unfold
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: unfold
    // `next()` needs a stream that stays in place while it is polled.
    let mut readings = pin!(readings());
    say!("display: started");
    // `async for reading in readings()`: each `.await` runs the stream
    // until it yields one item (or ends).
    while let Some(celsius) = readings.next().await {
        say!("display: {celsius:.2} °C");
    }
    say!("display: the sensor is done");
}
// ANCHOR_END: unfold

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
