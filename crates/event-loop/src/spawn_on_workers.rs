//! `spawn-on-workers`: where a task spawned on a `multi_thread` runtime
//! starts. Spawned from outside the workers (from `block_on`'s thread), it
//! goes to the shared queue and an idle worker starts it at once. Spawned
//! from a task on a worker, it goes to that worker's LIFO slot, which no
//! other worker steals from: it starts only when its spawner's poll ends.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-event-loop -- spawn-on-workers`.

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

// ANCHOR: spawn_on_workers
use std::sync::mpsc;
use std::time::Duration;
use tokio::runtime::Builder;

// ANCHOR_END: spawn_on_workers
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawn_on_workers
fn main() {
    // ANCHOR_END: spawn_on_workers
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawn_on_workers
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a multi_thread runtime builds");

    // 1. From `block_on`'s thread, which is not a worker: the task goes to
    //    the runtime's shared queue, and an idle worker starts it at once.
    let (started, has_started) = mpsc::channel();
    runtime.block_on(async move {
        tokio::spawn(async move { started.send(()).expect("main is waiting") });
        // A plain blocking wait, no `.await`: the task runs all the same,
        // on a worker. (It blocks only this thread, not a worker.)
        has_started.recv().expect("the task starts on a worker");
    });
    say!("spawned from block_on's thread: it started on a worker at once");

    // 2. From a task on a worker: the new task goes to that worker's LIFO
    //    slot, and the other worker, idle, cannot steal it from there.
    let (spawned, has_spawned) = mpsc::channel();
    let (started, has_started) = mpsc::channel();
    let (go_on, wait_to_go_on) = mpsc::channel::<()>();
    runtime.spawn(async move {
        tokio::spawn(async move { started.send(()).expect("main is waiting") });
        spawned.send(()).expect("main is waiting");
        // Blocks this worker until main has looked (never do this for
        // real): the spawner's poll does not end meanwhile.
        wait_to_go_on.recv().expect("main says when");
    });
    has_spawned.recv().expect("the spawner runs on a worker");
    // 100 ms in which the other worker could have started the new task.
    thread::sleep(Duration::from_millis(100));
    let meanwhile = has_started.try_recv().is_ok();
    say!("spawned from a worker: started while its spawner held the worker: {meanwhile}");
    go_on.send(()).expect("the spawner is waiting");
    has_started.recv().expect("it runs after its spawner");
    say!("spawned from a worker: started once its spawner's poll ended");
}
// ANCHOR_END: spawn_on_workers

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
