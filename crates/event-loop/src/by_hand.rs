//! `by-hand`: what `#[tokio::main]` expands to, written out: a plain `main`
//! that builds a runtime with `tokio::runtime::Builder` and blocks on the
//! async main.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-event-loop -- by-hand`.

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

// ANCHOR: by_hand
use tokio::runtime::{Builder, Handle, RuntimeFlavor};

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

// What the attribute turns `async fn main` into: a plain `main` that
// builds a runtime and blocks on the async body.
// ANCHOR_END: by_hand
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: by_hand
fn main() {
    // ANCHOR_END: by_hand
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: by_hand
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

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
