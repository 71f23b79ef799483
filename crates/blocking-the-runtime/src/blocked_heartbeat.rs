//! `blocked-heartbeat`: a task that resizes photos with blocking code (a
//! stand-in for a CPU loop or `std::thread::sleep`) holds the only runtime
//! thread, so the heartbeat task, due every second, is 1.5 s late.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-blocking-the-runtime -- blocked-heartbeat`.

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

// ANCHOR: heartbeat
use std::time::Duration;

use tokio::time::Instant;

/// Beats every second and says how late each beat is: a lag-measuring
/// heartbeat, the simplest way to notice a blocked runtime.
// ANCHOR_END: heartbeat
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: heartbeat
async fn heartbeat(beats: u32) {
    for beat in 1..=beats {
        let due = Instant::now() + Duration::from_secs(1);
        // Gives the thread back for 1 s; a healthy runtime polls us again
        // as soon as the timer fires.
        tokio::time::sleep_until(due).await;
        let late = Instant::now() - due;
        // Within 50 ms counts as on time (real clocks jitter by a few ms).
        if late < Duration::from_millis(50) {
            say!("heartbeat {beat}: on time");
        } else {
            say!("heartbeat {beat}: {:.1} s late", late.as_secs_f64());
        }
    }
}
// ANCHOR_END: heartbeat

// ANCHOR: blocked_heartbeat
/// CPU-heavy, synchronous work: 0.5 s of it per photo. `thread::sleep`
/// stands in for the CPU loop; it really blocks the thread.
fn resize(photo: &str) {
    thread::sleep(Duration::from_millis(500));
    let _thumbnail = format!("thumb-{photo}");
}

// ANCHOR_END: blocked_heartbeat
#[cfg_attr(test, lesson_kit::lane("thumbnails"))]
// ANCHOR: blocked_heartbeat
async fn make_thumbnails(photos: &[&str]) {
    say!("thumbnails: waiting for the upload");
    // A real wait (the upload arriving): the thread is free meanwhile.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    say!("thumbnails: resizing {} photos", photos.len());
    for photo in photos {
        resize(photo); // blocks the thread: no `.await`, no other task runs
    }
    say!("thumbnails: done");
}

// ANCHOR_END: blocked_heartbeat
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: blocked_heartbeat
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: blocked_heartbeat
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: blocked_heartbeat
    let photos = ["beach.jpg", "cat.jpg", "dog.jpg", "tree.jpg"];
    // Two tasks on the one runtime thread; they can only take turns at an
    // `.await`.
    let heartbeat = tokio::spawn(heartbeat(3));
    let thumbnails = tokio::spawn(async move { make_thumbnails(&photos).await });
    // Waits for both tasks; main gives the thread back here.
    thumbnails
        .await
        .expect("the thumbnails task does not panic");
    heartbeat.await.expect("the heartbeat task does not panic");
}
// ANCHOR_END: blocked_heartbeat

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
