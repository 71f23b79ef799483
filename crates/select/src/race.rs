//! `race`: `tokio::select!` races two downloads of the same file from two
//! mirrors. The first to finish wins, and `select!` drops the other one:
//! the slow mirror's download is cancelled at its `.await` and never
//! prints its last line.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-select -- race`.

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

// ANCHOR: race
use std::time::Duration;

// ANCHOR_END: race
#[cfg_attr(test, lesson_kit::lane(mirror))]
// ANCHOR: race
async fn download(mirror: &str, seconds: u64) -> String {
    // Waits on the network; the losing download is dropped here.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{mirror}: download complete");
    format!("installer.iso from {mirror}")
}

// ANCHOR_END: race
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: race
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: race
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: race
    say!("main: asking both mirrors");
    // `select!` polls both futures; the first to complete runs its
    // branch, and the other future is dropped at once, mid-download.
    // (`biased;` polls them in the order written, so that the book's
    // timeline is the same on every run; the winner would be too without.)
    let file = tokio::select! {
        biased;
        file = download("mirror-eu", 2) => file,
        file = download("mirror-us", 1) => file,
    };
    say!("main: got {file}");
    // Waits past the slow mirror's 2 s: it was cancelled, so nothing prints.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: race

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
