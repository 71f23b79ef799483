//! `panic`: a task that panics does not bring the program down (as long as
//! panics unwind, Rust's default). tokio catches the panic, ends that task,
//! and hands it to whoever awaits the handle as a `JoinError` whose
//! `is_panic()` is true; `main` goes on. The panic's payload is a `String`
//! here, as for most real panics (`.expect(..)`, a formatted `panic!`), so
//! `panic_message` tries `String` and `&str` both.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- panic`.

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

// ANCHOR: panic
use std::any::Any;
use std::time::Duration;

// ANCHOR_END: panic
#[cfg_attr(test, lesson_kit::lane(sensor))]
// ANCHOR: panic
async fn read_sensor(sensor: &str) -> f64 {
    say!("{sensor}: reading");
    // Waits 1 s for the sensor's answer.
    tokio::time::sleep(Duration::from_secs(1)).await;
    // The boiler's wire is cut: no answer, and `expect` panics.
    let answer = if sensor == "boiler" { None } else { Some(21.5) };
    answer.expect("wire cut")
}

/// The message a panic carried. `panic!("wire cut")` carries a `&'static
/// str`; `.expect(..)` on a `Result` or an `Option`, and a formatted
/// `panic!("wire {n}")`, carry a `String`; many built-in panics (`unwrap()`
/// on `None`, `unreachable!()`) carry a `&'static str`: so try both.
fn panic_message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => match payload.downcast::<&'static str>() {
            Ok(message) => message.to_string(),
            Err(_) => "a panic without a message".to_string(),
        },
    }
}

// ANCHOR_END: panic
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: panic
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: panic
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: panic
    // The panic happens inside the task: it unwinds that task only.
    let boiler = tokio::spawn(read_sensor("boiler"));
    // Awaiting the handle yields to the task, and returns how it ended.
    match boiler.await {
        Ok(celsius) => say!("main: boiler at {celsius:.1} °C"),
        Err(e) if e.is_panic() => {
            // The panic's payload, a `Box<dyn Any + Send>`. (To crash after
            // all, `std::panic::resume_unwind(e.into_panic())` re-raises it.)
            let message = panic_message(e.into_panic());
            say!("main: the boiler task failed: {message}");
        }
        Err(e) => say!("main: the boiler task was cancelled: {e}"),
    }
    // A second task on the same runtime runs as usual.
    let kitchen = tokio::spawn(read_sensor("kitchen"));
    let celsius = kitchen.await.expect("the kitchen sensor works");
    say!("main: kitchen at {celsius:.1} °C");
}
// ANCHOR_END: panic

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

#[cfg(test)]
mod tests;
