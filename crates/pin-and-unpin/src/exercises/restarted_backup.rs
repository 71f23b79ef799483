//! Exercise `restarted-backup` (fix the bug): a backup upload, raced in a
//! `select!` loop against a ticker that reports every 16 s. The upload
//! takes 21 s, and yet it never finishes. Make it finish, at `21.000s`,
//! while the ticker still reports.
//!
//! Check your fix with `cargo xtask exercise restarted-backup`, which
//! copies this file to `exercises/restarted-backup.rs` for you to edit.

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

// ANCHOR: restarted_backup
use std::time::Duration;

// ANCHOR_END: restarted_backup
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: restarted_backup
async fn upload(file: &'static str) -> &'static str {
    say!("{file}: connecting");
    for part in 1..=3 {
        tokio::time::sleep(Duration::from_secs(7)).await;
        say!("{file}: part {part} of 3");
    }
    file
}

// ANCHOR_END: restarted_backup
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: restarted_backup
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: restarted_backup
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: restarted_backup
    let mut ticker = tokio::time::interval(Duration::from_secs(16));
    ticker.tick().await; // the first tick completes at once
    loop {
        tokio::select! {
            biased;
            file = upload("backup.tar") => {
                say!("main: {file} uploaded");
                break;
            }
            _ = ticker.tick() => say!("main: still uploading"),
        }
    }
}
// ANCHOR_END: restarted_backup

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
