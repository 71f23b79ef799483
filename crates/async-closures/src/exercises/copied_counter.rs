//! Exercise `copied-counter` (predict the output): an `async move`
//! closure that counts the stock checks it runs. Write down what it
//! prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise copied-counter` checks your prediction, and
//! `cargo run -p lesson-async-closures -- copied-counter` runs it.

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
// ANCHOR: copied_counter
use std::time::Duration;

use tokio::time::sleep;

// ANCHOR_END: copied_counter
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: copied_counter
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: copied_counter
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: copied_counter
    let mut checks = 0;
    let mut check_stock = async move || {
        checks += 1;
        sleep(Duration::from_secs(1)).await;
        say!("stock: check {checks} done");
    };
    let first = check_stock();
    say!("main: first check made");
    first.await;
    check_stock().await;
    say!("main: {checks} checks counted");
}
// ANCHOR_END: copied_counter

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
