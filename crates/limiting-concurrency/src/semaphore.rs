//! `semaphore`: twenty downloads, at most three at a time. A `Semaphore`
//! with 3 permits: the loop takes a permit before it spawns each download,
//! and the download gives it back when it ends.

use std::sync::Arc;
use std::time::Duration;

use lesson_kit::{Lane, say};
use tokio::sync::Semaphore;

// ANCHOR: semaphore
const AT_ONCE: usize = 3;

/// Files come in three sizes: 0.3 s, 0.4 s and 0.5 s to download.
fn download_time(file: usize) -> Duration {
    Duration::from_millis(300 + 100 * ((file as u64 - 1) % 3))
}

async fn download(file: usize, permits: &Semaphore) {
    let busy = AT_ONCE - permits.available_permits();
    say!("file-{file:02}.zip: downloading ({busy} at once)");
    // Waiting on the network: the thread is free for the other downloads.
    tokio::time::sleep(download_time(file)).await;
}

pub async fn run() {
    let permits = Arc::new(Semaphore::new(AT_ONCE));
    let mut downloads = Vec::new();
    for file in 1..=20 {
        // Waits while 3 downloads hold the 3 permits; the spawned tasks
        // run meanwhile, and each one that ends frees a permit.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let permits = Arc::clone(&permits);
        // The task owns the permit and drops it when the download is done.
        downloads.push(tokio::spawn(
            async move {
                // The download runs while this task holds the permit.
                download(file, &permits).await;
                drop(permit);
            }
            .lane(format!("file-{file:02}")),
        ));
    }
    for download in downloads {
        // Waits for the last downloads to finish.
        download.await.expect("a download does not panic");
    }
    say!("all 20 files downloaded");
}
// ANCHOR_END: semaphore
