//! `interleaving`: three download tasks on one thread; the runtime
//! switches between them at each `.await`.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: interleaving
async fn download(file: &str, seconds: u64) {
    say!("{file}: connecting");
    // `yield_now` returns Pending once: this task steps aside, and the
    // runtime runs the other ready tasks (and checks its timers and I/O)
    // before it polls this one again.
    tokio::task::yield_now().await;
    say!("{file}: connected, downloading for {seconds} s");
    // Pending until the timer fires; the runtime runs other tasks, or
    // parks the thread if none is ready.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

pub async fn run() {
    // Submits three tasks to the runtime; none starts before `run` itself
    // reaches an `.await`, since they all share this thread.
    let downloads = [
        tokio::spawn(download("report.pdf", 2).lane("report.pdf")),
        tokio::spawn(download("photo.jpg", 1).lane("photo.jpg")),
        tokio::spawn(download("song.mp3", 3).lane("song.mp3")),
    ];
    say!("main: three downloads spawned");
    for download in downloads {
        // Pending until that task is done; meanwhile the runtime runs the
        // tasks (all three, not only the one awaited here).
        download.await.expect("a download does not panic");
    }
    say!("main: all downloads done");
}
// ANCHOR_END: interleaving
