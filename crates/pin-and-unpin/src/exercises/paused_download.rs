//! Exercise `paused-download` (predict the output): a pinned download,
//! given 1.5 s by a timeout, left alone for a second, then awaited. Write
//! down what it prints, in order, with the time of each line, before you
//! run it: `cargo xtask exercise paused-download` checks your prediction,
//! and `cargo run -p lesson-pin-and-unpin -- paused-download` runs it.

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

// ANCHOR: paused_download
use std::pin::pin;
use std::time::Duration;

// ANCHOR_END: paused_download
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: paused_download
async fn download(file: &'static str) -> &'static str {
    say!("{file}: connecting");
    for chunk in 1..=3 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("{file}: chunk {chunk}");
    }
    file
}

// ANCHOR_END: paused_download
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: paused_download
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: paused_download
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: paused_download
    let mut video = pin!(download("video.mp4"));
    if tokio::time::timeout(Duration::from_millis(1500), video.as_mut())
        .await
        .is_err()
    {
        say!("main: not yet, back later");
    }
    // Nobody polls the download during this second.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("main: back");
    let file = video.await;
    say!("main: got {file}");
}
// ANCHOR_END: paused_download

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
