//! `unfold`: a stream of sensor readings made with `stream::unfold`, the
//! Rust counterpart of a Python async generator. It is pulled: each
//! reading is taken only when the consumer asks for the next one.

use std::pin::pin;
use std::time::Duration;

use futures::{Stream, StreamExt, stream};
use lesson_kit::say;

// ANCHOR: unfold
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

pub async fn run() {
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
