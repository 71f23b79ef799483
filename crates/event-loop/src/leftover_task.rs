//! `leftover-task`: a spawned task is still waiting when `main` returns.
//! `#[tokio::main]` then drops the runtime, which drops the task where it
//! is suspended: its destructors run, none of its code after the `.await`
//! does, so there is no async cleanup (Python's `asyncio.run` cancels the
//! task instead and runs its `finally`, awaits included).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-event-loop -- leftover-task`.

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

// ANCHOR: leftover_task
use std::time::Duration;

/// Stands for what an upload holds, a connection, say: its `Drop` runs
/// however the upload ends, finished or dropped half-way. `drop` is a plain
/// function: it cannot `.await`.
struct Connection;

impl Drop for Connection {
    fn drop(&mut self) {
        say!("upload: Connection dropped (its Drop runs; it cannot .await)");
    }
}

// ANCHOR_END: leftover_task
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: leftover_task
async fn upload() {
    let _connection = Connection;
    say!("upload: started, sending for an hour");
    // Pending for an hour: the task is still suspended here when the
    // runtime is dropped, and dropping it ends it at this `.await`.
    tokio::time::sleep(Duration::from_secs(3600)).await;
    // The async cleanup, which only a finished upload reaches: a runtime
    // that is dropped never polls the task again.
    say!("upload: sent; closing the connection, with an .await");
    tokio::task::yield_now().await;
    say!("upload: connection closed");
}

// ANCHOR_END: leftover_task
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: leftover_task
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: leftover_task
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: leftover_task
    // The task runs on its own; nobody keeps its handle, and nobody waits
    // for it.
    tokio::spawn(upload());
    // Gives the thread to the runtime once, so that the upload starts.
    tokio::task::yield_now().await;
    say!("main: returning; the runtime is dropped next, with the upload task");
    // `#[tokio::main]` ends with `Runtime::block_on(body)`: when the body
    // returns, the runtime is dropped, and so is every task still alive.
}
// ANCHOR_END: leftover_task

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
