//! `spawn-is-eager`: `tokio::spawn` hands a future to the runtime as a task,
//! which runs without being awaited, but on this one thread it can start
//! only when the spawner reaches an `.await`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-futures-are-lazy -- spawn-is-eager`.

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

// ANCHOR: spawn_is_eager
use std::time::Duration;

// ANCHOR_END: spawn_is_eager
#[cfg_attr(test, lesson_kit::lane("download task"))]
// ANCHOR: spawn_is_eager
async fn download(file: &str) {
    say!("download {file} started");
    // Hands the thread back to the runtime for 2 s.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("download {file} finished");
}

// ANCHOR_END: spawn_is_eager
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawn_is_eager
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: spawn_is_eager
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawn_is_eager
    // `spawn` gives the future to the runtime as a task: it will run
    // whether or not anyone awaits its handle. On a current_thread runtime
    // it waits in the run queue until this task gives the thread back.
    let task = tokio::spawn(download("report.pdf"));
    say!("main: spawned the download task");
    // One busy second with no `.await`: the runtime cannot switch, so the
    // download does not start (never block a runtime thread for real).
    thread::sleep(Duration::from_secs(1));
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

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
