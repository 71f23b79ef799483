//! `flavors`: a `current_thread` runtime runs everything on the thread
//! that calls `block_on`; a `multi_thread` runtime runs spawned tasks on
//! its own worker threads.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-event-loop -- flavors`.

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

// ANCHOR: flavors
use tokio::runtime::{Builder, Handle, Runtime, RuntimeFlavor};

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

// ANCHOR_END: flavors
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: flavors
fn main() {
    // ANCHOR_END: flavors
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: flavors
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

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
