//! Exercise `paused-upload` (predict the output): an upload loses a
//! `select!` race, waits while nobody polls it, and is then awaited again.
//! Write down what it prints, in order, with the time of each line, before
//! you run it: `cargo xtask exercise paused-upload` checks your prediction,
//! and `cargo run -p lesson-cancellation -- paused-upload` runs it.

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

// ANCHOR: paused_upload
use std::time::Duration;

// ANCHOR_END: paused_upload
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: paused_upload
async fn upload(file: &str) {
    for part in 1..=3 {
        say!("{file} part {part}: sending");
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("{file} part {part}: sent");
    }
}

// ANCHOR_END: paused_upload
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: paused_upload
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: paused_upload
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: paused_upload
    let upload = upload("video.mp4");
    tokio::pin!(upload);
    tokio::select! {
        biased;
        () = &mut upload => say!("main: upload finished early"),
        () = tokio::time::sleep(Duration::from_millis(1500)) => {
            say!("main: the network is busy; pausing the upload");
        }
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("main: resuming the upload");
    upload.await;
    say!("main: upload finished");
}
// ANCHOR_END: paused_upload

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
