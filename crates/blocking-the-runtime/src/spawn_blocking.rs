//! `spawn-blocking`: the same photos, each resized on tokio's blocking
//! thread pool with `spawn_blocking`: the runtime thread stays free, and
//! the heartbeat keeps its rhythm.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers
//! (`heartbeat` and `resize` are those of `blocked-heartbeat`), and its
//! Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-blocking-the-runtime -- spawn-blocking`.

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

use std::time::Duration;

use tokio::time::Instant;

#[cfg_attr(test, lesson_kit::lane)]
async fn heartbeat(beats: u32) {
    for beat in 1..=beats {
        let due = Instant::now() + Duration::from_secs(1);
        // Gives the thread back for 1 s.
        tokio::time::sleep_until(due).await;
        let late = Instant::now() - due;
        if late < Duration::from_millis(50) {
            say!("heartbeat {beat}: on time");
        } else {
            say!("heartbeat {beat}: {:.1} s late", late.as_secs_f64());
        }
    }
}

#[cfg_attr(test, lesson_kit::lane(photo))]
fn resize(photo: &str) {
    thread::sleep(Duration::from_millis(500));
    let _thumbnail = format!("thumb-{photo}");
}

// ANCHOR: spawn_blocking
async fn make_thumbnails(photos: &[&'static str]) {
    say!("thumbnails: waiting for the upload");
    // A real wait (the upload arriving): the thread is free meanwhile.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    say!("thumbnails: resizing {} photos", photos.len());
    for &photo in photos {
        // Runs `resize` on a thread of tokio's blocking pool, and waits
        // for it without blocking: this task is pending meanwhile, so the
        // runtime thread is free for the heartbeat.
        tokio::task::spawn_blocking(move || resize(photo))
            .await
            .expect("resize does not panic");
        // For the book's test clock only (see "The test clock" below): lets
        // a task due at this same instant run before the next resize
        // starts. On real time it costs one trip through the scheduler.
        tokio::task::yield_now().await;
    }
    say!("thumbnails: done");
}

// ANCHOR_END: spawn_blocking
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawn_blocking
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: spawn_blocking
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawn_blocking
    let photos = ["beach.jpg", "cat.jpg", "dog.jpg", "tree.jpg"];
    // The same two tasks as before, on the same one runtime thread.
    let heartbeat = tokio::spawn(heartbeat(3));
    let thumbnails = tokio::spawn(async move { make_thumbnails(&photos).await });
    // Waits for both tasks.
    thumbnails
        .await
        .expect("the thumbnails task does not panic");
    heartbeat.await.expect("the heartbeat task does not panic");
}
// ANCHOR_END: spawn_blocking

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
