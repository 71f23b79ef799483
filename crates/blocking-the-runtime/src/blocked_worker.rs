//! `blocked-worker`: on a `multi_thread` runtime with two workers, a task
//! spawns five tasks and then blocks its worker's thread. The other worker
//! steals the four in the blocked worker's queue and runs them meanwhile;
//! the fifth, the last one spawned, is in the blocked worker's LIFO slot,
//! which no other worker takes from, and runs only after the block, on
//! the blocked thread.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-blocking-the-runtime -- blocked-worker`.

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

// ANCHOR: blocked_worker
use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::Duration;

use tokio::runtime::Builder;

/// Which task ran, and on which thread.
type Ran = (u32, ThreadId);

/// Spawns five tasks, then blocks its worker's thread until four of them
/// have run; returns those four, the receiver for the fifth, and the
/// thread it blocked.
async fn busy_task() -> (Vec<Ran>, mpsc::Receiver<Ran>, ThreadId) {
    let (ran, reports) = mpsc::channel();
    for task in 0..5 {
        let ran = ran.clone();
        // Spawned from a worker: the new task goes to this worker's LIFO
        // slot (run next), and the one that was there before it to the
        // back of this worker's queue.
        tokio::spawn(async move {
            ran.send((task, thread::current().id()))
                .expect("main waits for the report");
        });
    }
    // The block: this thread waits, with no `.await`, for four reports.
    // Only the other worker can run those tasks meanwhile.
    let during: Vec<Ran> = (0..4)
        .map(|_| {
            reports
                .recv_timeout(Duration::from_secs(10))
                .expect("four tasks run while this thread is blocked")
        })
        .collect();
    (during, reports, thread::current().id())
}

// ANCHOR_END: blocked_worker
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: blocked_worker
fn main() {
    // ANCHOR_END: blocked_worker
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: blocked_worker
    // What `#[tokio::main(flavor = "multi_thread", worker_threads = 2)]`
    // builds: two worker threads.
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("the runtime builds");
    let (mut during, reports, blocked) = runtime.block_on(async {
        tokio::spawn(busy_task())
            .await
            .expect("the busy task does not panic")
    });
    // The fifth task runs once the busy task's poll has returned.
    let after = reports.recv().expect("the fifth task runs");
    during.sort_by_key(|&(task, _)| task);
    for (task, thread) in during {
        let on_blocked = thread == blocked;
        say!("during the block: task {task}, on the blocked thread: {on_blocked}");
    }
    let (task, thread) = after;
    let on_blocked = thread == blocked;
    say!("after the block:  task {task}, on the blocked thread: {on_blocked}");
}
// ANCHOR_END: blocked_worker

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
