//! Exercise `weather-station` (predict the output): three sensors read in
//! one `join!`, and one of them blocks the thread. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise weather-station` checks your prediction, and
//! `cargo run -p lesson-sync-vs-async -- weather-station` runs it.

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: weather_station
use std::time::Duration;

// ANCHOR_END: weather_station
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: weather_station
async fn thermometer() {
    say!("thermometer: reading");
    // Waits 1 s without holding the thread.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("thermometer: 21.5 °C");
}

// ANCHOR_END: weather_station
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: weather_station
async fn barometer() {
    say!("barometer: reading");
    // Its driver is a blocking call: it holds the thread for 2 s.
    thread::sleep(Duration::from_secs(2));
    say!("barometer: 1013 hPa");
}

// ANCHOR_END: weather_station
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: weather_station
async fn hygrometer() {
    say!("hygrometer: reading");
    // Waits 1 s without holding the thread.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("hygrometer: 40 %");
}

// ANCHOR_END: weather_station
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: weather_station
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: weather_station
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: weather_station
    // Polls the three on this one thread, each until it has to wait.
    tokio::join!(thermometer(), barometer(), hygrometer());
    say!("station: all three readings in");
}
// ANCHOR_END: weather_station

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
