//! A solution of exercise `abandoned-download`: the race is between the
//! two `JoinHandle`s borrowed (`&mut`), so both survive it, and the loser
//! is aborted. (Racing plain futures, without `spawn`, fixes it too:
//! `select!` drops the losing future, which cancels it.)

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

// ANCHOR: abandoned_download_solution
use std::time::Duration;

// ANCHOR_END: abandoned_download_solution
#[cfg_attr(test, lesson_kit::lane(mirror))]
// ANCHOR: abandoned_download_solution
async fn download(mirror: &'static str, seconds: u64) -> &'static str {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{mirror}: download finished");
    mirror
}

// ANCHOR_END: abandoned_download_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: abandoned_download_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: abandoned_download_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: abandoned_download_solution
    let mut eu = tokio::spawn(download("mirror-eu", 2));
    let mut us = tokio::spawn(download("mirror-us", 1));
    // Races the handles through `&mut`, so neither is dropped; dropping a
    // `JoinHandle` would only detach its task, not stop it.
    let winner = tokio::select! {
        biased;
        winner = &mut eu => winner.expect("the download task does not panic"),
        winner = &mut us => winner.expect("the download task does not panic"),
    };
    // Cancels the loser: the runtime drops its future where it waits, the
    // next time it would run the task (aborting a finished task does
    // nothing). A `JoinSet` of the two downloads would do it too, when
    // dropped.
    eu.abort();
    us.abort();
    say!("installer: using {winner}");
    // The installer runs for 3 s; the program ends after it.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("installer: done");
}
// ANCHOR_END: abandoned_download_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
