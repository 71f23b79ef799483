//! `flavors`: a `current_thread` runtime runs everything on the thread
//! that calls `block_on`; a `multi_thread` runtime runs spawned tasks on
//! its own worker threads.

use tokio::runtime::{Builder, Handle, Runtime, RuntimeFlavor};

use lesson_kit::say;

// ANCHOR: flavors
/// Blocks on a little async code on `runtime` and reports what it saw:
/// the flavor, the number of worker threads, and whether a spawned task
/// ran on the thread that called `block_on`.
fn inspect(runtime: &Runtime) -> (RuntimeFlavor, usize, bool) {
    let caller = std::thread::current().id();
    runtime.block_on(async move {
        let handle = Handle::current();
        // The task runs wherever the runtime schedules it; awaiting its
        // handle waits for its answer.
        let on_caller = tokio::spawn(async move { std::thread::current().id() == caller })
            .await
            .expect("the task does not panic");
        (
            handle.runtime_flavor(),
            handle.metrics().num_workers(),
            on_caller,
        )
    })
}

pub fn run() {
    let current_thread = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current_thread runtime always builds");
    let (flavor, workers, on_caller) = inspect(&current_thread);
    say!("{flavor:?}: {workers} worker; spawned task ran on the block_on thread: {on_caller}");

    let multi_thread = Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("a multi_thread runtime builds");
    let (flavor, workers, on_caller) = inspect(&multi_thread);
    say!("{flavor:?}: {workers} workers; spawned task ran on the block_on thread: {on_caller}");
}
// ANCHOR_END: flavors
