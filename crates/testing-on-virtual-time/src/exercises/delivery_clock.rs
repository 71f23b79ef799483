//! Exercise `delivery-clock` (predict the output): a test's clock, moved
//! by hand with `advance` and by `sleep`, and a task that starts its
//! timer late. Write down what it prints, in order, with the time of each
//! line, before you run it: `cargo xtask exercise delivery-clock` checks
//! your prediction, and `cargo run -p lesson-testing-on-virtual-time --
//! delivery-clock` runs it.

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

// ANCHOR: delivery_clock
use std::time::Duration;

// ANCHOR_END: delivery_clock
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: delivery_clock
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR_END: delivery_clock
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: delivery_clock
    let truck = tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(3)).await;
        say!("truck: arrived");
    });
    // Moves the paused clock 5 s forward, then lets other tasks run.
    tokio::time::advance(Duration::from_secs(5)).await;
    say!("clerk: after advance(5 s)");
    // Waits on a timer: the clock auto-advances to it.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("clerk: after sleep(1 s)");
    truck.await.expect("the truck does not panic");
}
// ANCHOR_END: delivery_clock

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
