//! `spawn-is-eager`: `tokio::spawn` hands a future to the runtime as a task,
//! which runs without being awaited, but on this one thread it can start
//! only when the spawner reaches an `.await`.

use std::time::Duration;

use lesson_kit::{Lane, blocking_sleep, say};

// ANCHOR: spawn_is_eager
async fn download(file: &str) {
    say!("download {file} started");
    // Hands the thread back to the runtime for 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("download {file} finished");
}

pub async fn run() {
    // `spawn` gives the future to the runtime as a task: it will run
    // whether or not anyone awaits its handle. On a current_thread runtime
    // it waits in the run queue until this task gives the thread back.
    let task = tokio::spawn(download("report.pdf").lane("download task"));
    say!("main: spawned the download task");
    // One busy second with no `.await`: the runtime cannot switch, so the
    // download does not start (never block a runtime thread for real).
    blocking_sleep(Duration::from_secs(1));
    say!("main: busy for 1 s, now awaiting a sleep");
    // This `.await` returns Pending and gives the thread back: the runtime
    // now runs the spawned task, although nobody has awaited it.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("main: woke up; the download ran meanwhile");
    // Waits for the task to end; its handle is a future too.
    task.await.expect("the download task does not panic");
    say!("main: the download task is done");
}
// ANCHOR_END: spawn_is_eager
