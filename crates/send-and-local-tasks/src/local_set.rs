//! `local-set`: a future that is not `Send` (it holds an `Rc` across its
//! `.await`s) cannot be given to `tokio::spawn`, but it can be spawned with
//! `spawn_local` on a `LocalSet`: the set keeps its tasks on the thread
//! that runs it, so nothing asks them to be `Send`. The tasks run only
//! while the set is driven, here by `run_until`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-send-and-local-tasks -- local-set`.

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

// ANCHOR: local_set
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use tokio::task::LocalSet;

/// The stocktake's log: shared by the scans on one thread, so an `Rc`
/// and a `RefCell` are enough (no `Arc`, no lock).
type Log = Rc<RefCell<Vec<&'static str>>>;

// ANCHOR_END: local_set
#[cfg_attr(test, lesson_kit::lane(shelf))]
// ANCHOR: local_set
async fn scan(shelf: &'static str, millis: u64, log: Log) {
    say!("{shelf}: scanning");
    // `log`, an `Rc`, is held across this `.await`: this future is not
    // `Send`, and `tokio::spawn` would refuse it.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    // The borrow lasts for this line only, never across an `.await`.
    log.borrow_mut().push(shelf);
    say!("{shelf}: scanned, {} in the log", log.borrow().len());
}

// ANCHOR_END: local_set
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: local_set
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: local_set
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: local_set
    let log = Log::default();
    let local = LocalSet::new();
    // Queued on the set, not run yet: `spawn_local` asks no `Send`.
    let aisle_1 = local.spawn_local(scan("aisle 1", 800, Rc::clone(&log)));
    say!("main: aisle 1 queued, not started");
    // `run_until` polls its future and, around it, the set's tasks, on
    // this thread, until the future is done.
    local
        .run_until(async {
            // Inside the set, the free function `spawn_local` finds it.
            let aisle_2 = tokio::task::spawn_local(scan("aisle 2", 300, Rc::clone(&log)));
            aisle_2.await.expect("the scan of aisle 2 does not panic");
            aisle_1.await.expect("the scan of aisle 1 does not panic");
        })
        .await;
    say!("main: log {}", log.borrow().join(", "));
}
// ANCHOR_END: local_set

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
