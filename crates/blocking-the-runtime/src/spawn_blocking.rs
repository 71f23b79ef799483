//! `spawn-blocking`: the same photos, each resized on tokio's blocking
//! thread pool with `spawn_blocking`: the runtime thread stays free, and
//! the heartbeat keeps its rhythm.

use std::time::Duration;

use lesson_kit::{Lane, blocking_sleep, lane, say};
use tokio::time::Instant;

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

fn resize(photo: &str) {
    blocking_sleep(Duration::from_millis(500));
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
        tokio::task::spawn_blocking(move || lane(photo, || resize(photo)))
            .await
            .expect("resize does not panic");
        // For the book's test clock only (see "The test clock" below): lets
        // a task due at this same instant run before the next resize
        // starts. On real time it changes nothing.
        tokio::task::yield_now().await;
    }
    say!("thumbnails: done");
}

pub async fn run() {
    let photos = ["beach.jpg", "cat.jpg", "dog.jpg", "tree.jpg"];
    // The same two tasks as before, on the same one runtime thread. (The
    // thumbnails task has no lane here: see "The test clock" below.)
    let heartbeat = tokio::spawn(heartbeat(3).lane("heartbeat"));
    let thumbnails = tokio::spawn(async move { make_thumbnails(&photos).await });
    // Waits for both tasks.
    thumbnails
        .await
        .expect("the thumbnails task does not panic");
    heartbeat.await.expect("the heartbeat task does not panic");
}
// ANCHOR_END: spawn_blocking
