//! Exercise `zipped-sensors` (predict the output): two sensor streams, a
//! fast one and a slow one, paired reading by reading with `zip`. Write
//! down what it prints, in order, with the time of each line, before you
//! run it: `cargo xtask exercise zipped-sensors` checks your prediction,
//! and `cargo run -p lesson-streams -- zipped-sensors` runs it.

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

// ANCHOR: zipped_sensors
use std::pin::pin;
use std::time::Duration;

use futures::{Stream, StreamExt, stream};

// ANCHOR_END: zipped_sensors
#[cfg_attr(test, lesson_kit::lane(format!("{name} #{n}")))]
// ANCHOR: zipped_sensors
async fn measure(name: &str, n: u32, every: Duration) -> u32 {
    say!("{name}: measuring #{n}");
    // Measuring takes a while; the stream's `next()` is pending meanwhile.
    tokio::time::sleep(every).await;
    n
}

/// `count` readings, numbered from 1, one measurement at a time.
fn sensor(name: &'static str, every: Duration, count: u32) -> impl Stream<Item = u32> {
    stream::unfold(1, move |n| async move {
        if n > count {
            return None; // the stream ends
        }
        Some((measure(name, n, every).await, n + 1))
    })
}

// ANCHOR_END: zipped_sensors
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: zipped_sensors
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: zipped_sensors
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: zipped_sensors
    let thermometer = sensor("thermometer", Duration::from_millis(200), 3);
    let hygrometer = sensor("hygrometer", Duration::from_millis(500), 2);
    // Pairs the n-th reading of one with the n-th reading of the other
    // (pinned, as `next()` needs: `unfold`'s streams are not `Unpin`).
    let mut pairs = pin!(thermometer.zip(hygrometer));
    while let Some((t, h)) = pairs.next().await {
        say!("display: temperature #{t} with humidity #{h}");
    }
    say!("display: done");
}
// ANCHOR_END: zipped_sensors

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
