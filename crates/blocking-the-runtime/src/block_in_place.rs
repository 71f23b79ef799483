//! `block-in-place`: `tokio::task::block_in_place` on a `multi_thread`
//! runtime with a single worker. In a task, on the worker's thread, it
//! hands the worker (its queue, and the task just spawned, from its LIFO
//! slot) to a thread of the blocking pool and then blocks this one: the
//! spawned task runs meanwhile, on that thread. In `block_on`'s body, on the main thread, which is no
//! worker, it just calls the closure.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-blocking-the-runtime -- block-in-place`.

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

// ANCHOR: block_in_place
use std::sync::mpsc;
use std::thread::{self, ThreadId};

use tokio::runtime::Builder;
use tokio::task::block_in_place;

/// A task that blocks its thread inside `block_in_place` until the upload
/// task it spawned has run; returns the thread it blocked and the thread
/// the upload ran on.
async fn make_thumbnail() -> (ThreadId, ThreadId) {
    let (uploaded, upload_done) = mpsc::channel();
    // Spawned from this worker, the upload task waits in this worker's LIFO
    // slot; the runtime has no other worker to run it.
    tokio::spawn(async move {
        let ran_on = thread::current().id();
        uploaded
            .send(ran_on)
            .expect("the thumbnail task waits for it");
    });
    let blocked = thread::current().id();
    // Blocks this thread, with no `.await`, until the upload task has run.
    // `block_in_place` first hands this worker, queue and all, to a new
    // thread, which runs the upload meanwhile; without that, this would
    // wait for ever.
    let upload_ran_on = block_in_place(|| upload_done.recv().expect("the upload task runs"));
    (blocked, upload_ran_on)
}

// ANCHOR_END: block_in_place
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: block_in_place
fn main() {
    // ANCHOR_END: block_in_place
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: block_in_place
    // What `#[tokio::main(flavor = "multi_thread", worker_threads = 1)]`
    // does, written out: build the runtime, run `main`'s body with
    // `block_on` on this, the main thread.
    let runtime = Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("the runtime builds");
    let main_thread = thread::current().id();
    let (in_block_on, (blocked, upload_ran_on)) = runtime.block_on(async {
        // On the main thread, which is no worker: there is no worker to
        // hand over, so `block_in_place` just calls the closure.
        let in_block_on = block_in_place(|| thread::current().id());
        // A task, on the runtime's one worker thread.
        let thumbnail = tokio::spawn(make_thumbnail());
        let threads = thumbnail.await.expect("the thumbnail task does not panic");
        (in_block_on, threads)
    });
    say!(
        "block_on's body: the closure ran on the main thread: {}",
        in_block_on == main_thread
    );
    say!(
        "thumbnail: blocked the worker's thread, not the main one: {}",
        blocked != main_thread
    );
    say!(
        "upload: ran meanwhile, on a third thread: {}",
        upload_ran_on != blocked && upload_ran_on != main_thread
    );
}
// ANCHOR_END: block_in_place

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
