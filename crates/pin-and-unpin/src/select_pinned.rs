//! `select-pinned`: a download raced against a ticker in a `select!` loop.
//! The download is created once, before the loop, and pinned with
//! `tokio::pin!`, so every turn polls the same future through `&mut`:
//! losing a turn to the ticker drops only the reference, and the download
//! resumes where it was.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-pin-and-unpin -- select-pinned`.

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

// ANCHOR: select_pinned
use std::time::Duration;

// ANCHOR_END: select_pinned
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: select_pinned
async fn download(file: &'static str) -> &'static str {
    say!("{file}: connecting");
    for chunk in 1..=4 {
        tokio::time::sleep(Duration::from_millis(700)).await;
        say!("{file}: chunk {chunk} of 4");
    }
    file
}

// ANCHOR_END: select_pinned
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: select_pinned
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: select_pinned
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: select_pinned
    let mut ticker = tokio::time::interval(Duration::from_secs(1));
    ticker.tick().await; // the first tick completes at once
    // One download for the whole loop, pinned in place.
    let report = download("report.pdf");
    tokio::pin!(report);
    let mut ticks = 0;
    loop {
        tokio::select! {
            // Polled in the order written, so that the timeline is the
            // same on every run (no two branches are ever ready at once).
            biased;
            // `&mut report`: each turn polls the same pinned download.
            file = &mut report => {
                say!("main: {file} saved");
                break;
            }
            _ = ticker.tick() => {
                ticks += 1;
                say!("main: tick {ticks}, still downloading");
            }
        }
    }
}
// ANCHOR_END: select_pinned

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
