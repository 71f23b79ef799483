//! `join-all`: `futures::future::join_all` joins a `Vec` of futures, as
//! many as the data says, the way `asyncio.gather(*coros)` does. They
//! finish in any order; the results come back in the order of the list.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-join-and-try-join -- join-all`.

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

// ANCHOR: join_all
use std::time::Duration;

use futures::future::join_all;

// ANCHOR_END: join_all
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: join_all
async fn download(file: &str, seconds: u64) -> &str {
    say!("{file}: started");
    // Each download waits on its own timer; all the waits overlap.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
    file
}

// ANCHOR_END: join_all
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: join_all
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: join_all
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: join_all
    let files = [("report.pdf", 3), ("logo.png", 1), ("data.csv", 2)];
    // `join_all` takes any number of futures of one type and polls them
    // all until every one is done: 3 s in all, the slowest one's time.
    let results = join_all(files.iter().map(|&(file, seconds)| download(file, seconds))).await;
    say!("results, in the order asked: {results:?}");
}
// ANCHOR_END: join_all

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
