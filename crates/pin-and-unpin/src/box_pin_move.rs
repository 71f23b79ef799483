//! `box-pin-move`: `Box::pin` pins a future on the heap. The future never
//! moves again, but the box can: a download polled for a while by `main`
//! is handed, box and all, to a spawned task, which finishes it from where
//! it was, without connecting again.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-pin-and-unpin -- box-pin-move`.

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

// ANCHOR: box_pin_move
use std::time::Duration;

// ANCHOR_END: box_pin_move
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: box_pin_move
async fn download(file: &'static str) -> &'static str {
    say!("{file}: connecting");
    for chunk in 1..=3 {
        tokio::time::sleep(Duration::from_millis(700)).await;
        say!("{file}: chunk {chunk} of 3");
    }
    file
}

// ANCHOR_END: box_pin_move
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: box_pin_move
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: box_pin_move
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: box_pin_move
    // Pinned on the heap: `Pin<Box<_>>` is `Unpin`, whatever is inside.
    let mut report = Box::pin(download("report.pdf"));
    // `&mut report` is a future because the box is `Unpin`; the timeout
    // polls the download through it, and gives up at 1 s.
    if tokio::time::timeout(Duration::from_secs(1), &mut report)
        .await
        .is_err()
    {
        say!("main: handing report.pdf over to a task");
    }
    // The box moves into the task; the download inside it does not move,
    // and goes on at chunk 2.
    let task = tokio::spawn(report);
    let file = task.await.expect("the download does not panic");
    say!("main: {file} saved");
}
// ANCHOR_END: box_pin_move

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
