//! `by-hand`: what `#[tokio::main]` expands to, written out: a runtime
//! built with `tokio::runtime::Builder`, and `block_on` on the async main.

use tokio::runtime::{Builder, Handle, RuntimeFlavor};

use lesson_kit::say;

// ANCHOR: by_hand
// The body you would write as `async fn main` under
// `#[tokio::main(flavor = "current_thread")]`.
async fn async_main() -> RuntimeFlavor {
    // A spawned task, awaited: only a runtime can run it, and this one
    // runs it on the thread that called `block_on`.
    let download = tokio::spawn(async { "report.pdf" });
    let _file = download.await.expect("the download task does not panic");
    // Code inside the runtime can ask which runtime it runs on.
    Handle::current().runtime_flavor()
}

// What the attribute turns `async fn main` into: a plain function that
// builds a runtime and blocks on the async body.
pub fn run() {
    say!("building a current_thread runtime");
    let runtime = Builder::new_current_thread()
        .enable_all() // the timer and I/O drivers, which wake futures
        .build()
        .expect("a current_thread runtime always builds");
    say!("block_on(async_main()): polling it until it is done");
    // `block_on` polls `async_main` on this thread, runs the tasks it
    // spawns, and parks the thread whenever everything is waiting.
    let flavor = runtime.block_on(async_main());
    say!("block_on returned: async_main ran on a {flavor:?} runtime");
    // Dropping the runtime stops its drivers and drops any unfinished task.
    drop(runtime);
}
// ANCHOR_END: by_hand
