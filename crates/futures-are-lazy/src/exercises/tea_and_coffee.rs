//! Exercise `tea-and-coffee` (predict the output): two drinks ordered
//! at the counter, one as a future, one as a spawned task. Write down what
//! it prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise tea-and-coffee` checks your prediction, and
//! `cargo run -p lesson-futures-are-lazy -- tea-and-coffee` runs it.

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

// ANCHOR: tea_and_coffee
use std::time::Duration;

// ANCHOR_END: tea_and_coffee
#[cfg_attr(test, lesson_kit::lane(drink))]
// ANCHOR: tea_and_coffee
async fn brew(drink: &str, seconds: u64) {
    say!("{drink}: brewing");
    // Brews without holding the thread.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{drink}: ready");
}

// ANCHOR_END: tea_and_coffee
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: tea_and_coffee
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: tea_and_coffee
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: tea_and_coffee
    // Two orders, both 2 s drinks: one future, one task.
    let tea = brew("tea", 2);
    let coffee = tokio::spawn(brew("coffee", 2));
    say!("counter: both drinks ordered");
    // The counter serves someone else for 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("counter: back after 1 s");
    // Waits for each drink to be ready.
    tea.await;
    coffee.await.expect("the coffee task does not panic");
    say!("counter: tea and coffee handed over");
}
// ANCHOR_END: tea_and_coffee

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
