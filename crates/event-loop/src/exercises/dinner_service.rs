//! Exercise `dinner-service` (predict the output): a restaurant opens, and
//! its staff are tasks, one of them spawned by another. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise dinner-service` checks your prediction, and
//! `cargo run -p lesson-event-loop -- dinner-service` runs it.

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

// ANCHOR: dinner_service
use std::time::Duration;

// ANCHOR_END: dinner_service
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: dinner_service
async fn chef() {
    say!("chef: soup on the stove");
    // The dishwasher works as a task of its own.
    tokio::spawn(dishwasher());
    say!("chef: called the dishwasher");
    // The soup needs 1 s on the stove.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("chef: soup ready");
}

// ANCHOR_END: dinner_service
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: dinner_service
async fn dishwasher() {
    say!("dishwasher: washing up");
}

// ANCHOR_END: dinner_service
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: dinner_service
async fn waiter() {
    say!("waiter: seating table 4");
    // Table 4 reads the menu for half a second.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("waiter: table 4 has ordered");
}

// ANCHOR_END: dinner_service
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: dinner_service
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: dinner_service
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: dinner_service
    // The staff are tasks: the runtime runs them, on this one thread.
    tokio::spawn(chef());
    say!("manager: doors open");
    // The first guests come in after 0.2 s.
    tokio::time::sleep(Duration::from_millis(200)).await;
    tokio::spawn(waiter());
    say!("manager: guests in");
    // The evening lasts until 2 s.
    tokio::time::sleep(Duration::from_millis(1800)).await;
    say!("manager: closing up");
}
// ANCHOR_END: dinner_service

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
