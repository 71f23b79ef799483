//! Exercise `abandoned-download` (fix the bug): the installer is fetched
//! from two mirrors at once, as spawned tasks, and the first to finish
//! wins. But the losing mirror's download goes on after the race, using the
//! network for nothing. Make the loser stop when the race is decided, so
//! that it never reports a finished download.
//!
//! Check your fix with `cargo xtask exercise abandoned-download`, which
//! copies this file to `exercises/abandoned-download.rs` for you to edit.

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

// ANCHOR: abandoned_download
use std::time::Duration;

// ANCHOR_END: abandoned_download
#[cfg_attr(test, lesson_kit::lane(mirror))]
// ANCHOR: abandoned_download
async fn download(mirror: &'static str, seconds: u64) -> &'static str {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{mirror}: download finished");
    mirror
}

// ANCHOR_END: abandoned_download
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: abandoned_download
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: abandoned_download
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: abandoned_download
    let eu = tokio::spawn(download("mirror-eu", 2));
    let us = tokio::spawn(download("mirror-us", 1));
    // Races the two tasks' handles: the loser's handle is dropped.
    let winner = tokio::select! {
        biased;
        winner = eu => winner.expect("the download task does not panic"),
        winner = us => winner.expect("the download task does not panic"),
    };
    say!("installer: using {winner}");
    // The installer runs for 3 s; the program ends after it.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("installer: done");
}
// ANCHOR_END: abandoned_download

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
