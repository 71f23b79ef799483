//! Exercise `two-dishes` (predict the output): a soup and a salad, each
//! made in two steps, one after the other, and the two dishes joined.
//! Write down what it prints, in order, with the time of each line, before
//! you run it: `cargo xtask exercise two-dishes` checks your prediction,
//! and `cargo run -p lesson-sequential-vs-concurrent -- two-dishes` runs
//! it.

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

// ANCHOR: two_dishes
use std::time::Duration;

async fn step(dish: &str, what: &str, seconds: u64) {
    say!("{dish}: {what} for {seconds} s");
    // The dish waits; the cook's thread does not.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
}

// ANCHOR_END: two_dishes
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: two_dishes
async fn soup() {
    step("soup", "chopping", 1).await;
    step("soup", "simmering", 3).await;
    say!("soup: ready");
}

// ANCHOR_END: two_dishes
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: two_dishes
async fn salad() {
    step("salad", "washing", 2).await;
    step("salad", "dressing", 1).await;
    say!("salad: ready");
}

// ANCHOR_END: two_dishes
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: two_dishes
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: two_dishes
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: two_dishes
    // One cook, two dishes on the go.
    tokio::join!(soup(), salad());
    say!("kitchen: both dishes served");
}
// ANCHOR_END: two_dishes

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
