//! `two-downloads`: two downloads, joined: each one waits on the network
//! (a timer here), and while one waits the other runs, so both finish after
//! 2 s, the time of the slower one, not 1 s + 2 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-stock-service -- two-downloads`.

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

// ANCHOR: two_downloads
use std::time::Duration;

// ANCHOR_END: two_downloads
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: two_downloads
async fn download(file: &str, seconds: u64) {
    say!("{file}: started");
    // `.await` hands the thread back to the runtime until the timer fires,
    // so the other download makes progress during this wait.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

// ANCHOR_END: two_downloads
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: two_downloads
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: two_downloads
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: two_downloads
    // `join!` polls both futures on this one thread and returns when both
    // are done: their waits overlap.
    tokio::join!(download("report.pdf", 2), download("logo.png", 1));
    say!("Both downloads done");
}
// ANCHOR_END: two_downloads

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
