//! `blocked-heartbeat`: a task that resizes photos with blocking code (a
//! stand-in for a CPU loop or `std::thread::sleep`) holds the only runtime
//! thread, so the heartbeat task, due every second, is 2.5 s late.

use std::time::Duration;

use lesson_kit::{Lane, blocking_sleep, say};
use tokio::time::Instant;

// ANCHOR: heartbeat
/// Beats every second and says how late each beat is: a lag-measuring
/// heartbeat, the simplest way to notice a blocked runtime.
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
/// CPU-heavy, synchronous work: 0.5 s of it per photo. `blocking_sleep`
/// stands in for the CPU loop; it really blocks the thread.
fn resize(photo: &str) {
    blocking_sleep(Duration::from_millis(500));
    let _thumbnail = format!("thumb-{photo}");
}

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

pub async fn run() {
    let photos = ["beach.jpg", "cat.jpg", "dog.jpg", "tree.jpg"];
    // Two tasks on the one runtime thread; they can only take turns at an
    // `.await` (`.lane(..)` names them in the timeline).
    let heartbeat = tokio::spawn(heartbeat(3).lane("heartbeat"));
    let thumbnails = tokio::spawn(async move { make_thumbnails(&photos).await }.lane("thumbnails"));
    // Waits for both tasks; main gives the thread back here.
    thumbnails
        .await
        .expect("the thumbnails task does not panic");
    heartbeat.await.expect("the heartbeat task does not panic");
}
// ANCHOR_END: blocked_heartbeat
