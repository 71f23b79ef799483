//! Exercise `courier-race` (predict the output): two couriers raced with
//! `select!`. Write down what it prints, in order, with the time of each
//! line, before you run it: `cargo xtask exercise courier-race` checks your
//! prediction, and `cargo run -p lesson-select -- courier-race` runs it.

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

// ANCHOR: courier_race
use std::time::Duration;

// ANCHOR_END: courier_race
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: courier_race
async fn courier(name: &str, pickup_ms: u64, deliver_ms: u64) -> &str {
    say!("{name}: on the way");
    tokio::time::sleep(Duration::from_millis(pickup_ms)).await;
    say!("{name}: picked up the parcel");
    tokio::time::sleep(Duration::from_millis(deliver_ms)).await;
    say!("{name}: delivered");
    name
}

// ANCHOR_END: courier_race
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: courier_race
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: courier_race
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: courier_race
    let winner = tokio::select! {
        // Polls the branches in the order written, not at random, so that
        // the bike's first line comes before the van's.
        biased;
        name = courier("bike", 500, 1500) => name,
        name = courier("van", 800, 200) => name,
    };
    say!("dispatch: {winner} won");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    say!("dispatch: day over");
}
// ANCHOR_END: courier_race

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
