//! `held-guard-fixed`: the guard fixed: `calibrate` holds the `std` guard
//! only for the statements that use it, never across an `.await`. Nothing
//! blocks the thread any more, so the two run on the runtime's own thread,
//! under the same kind of tripwire as the chapter's other programs.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-finding-a-hang -- held-guard-fixed`.

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

// ANCHOR: waits
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

/// How long the whole run may take before it is called hung. Its work
/// takes 3 s at most; the tripwire gives it 5 s.
const TRIPWIRE: Duration = Duration::from_secs(5);

/// Who is still waiting, and where: before each `.await` a task writes
/// down the place, and when it is done it crosses itself out. A
/// `BTreeMap`, so the report lists the tasks in the same order every time
/// (a `HashMap` would not).
#[derive(Clone, Default)]
struct Waits(Arc<Mutex<BTreeMap<&'static str, (&'static str, Instant)>>>);

impl Waits {
    fn at(&self, task: &'static str, place: &'static str) {
        let mut waits = self.0.lock().expect("no task panics holding it");
        waits.insert(task, (place, Instant::now()));
    }

    fn done(&self, task: &'static str) {
        self.0
            .lock()
            .expect("no task panics holding it")
            .remove(task);
    }

    /// Every task still on the list, where it waits, and since how long.
    fn report(&self) {
        let waits = self.0.lock().expect("no task panics holding it");
        for (task, (place, since)) in waits.iter() {
            let waited = since.elapsed().as_secs_f64();
            say!("still waiting: {task}, for {waited:.3}s, at {place}");
        }
    }
}
// ANCHOR_END: waits

// ANCHOR: held_guard_fixed
use tokio::sync::Notify;

// ANCHOR_END: held_guard_fixed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: held_guard_fixed
async fn calibrate(offsets: &Mutex<Vec<f64>>, idle: &Notify, waits: &Waits) {
    waits.at("calibrate", "offsets.lock()");
    // Fixed: the guard lives for this statement only.
    let stored = offsets.lock().expect("no task panics holding it").len();
    say!("calibrate: {stored} offsets stored so far, waiting for the sensor to go idle");
    waits.at("calibrate", "idle.notified()");
    // Pending, and no guard is alive here: `join!` goes on to poll `record`.
    idle.notified().await;
    // Locks again, for this statement only, once the `.await` is behind.
    offsets
        .lock()
        .expect("no task panics holding it")
        .push(0.25);
    say!("calibrate: offset stored");
    waits.done("calibrate");
}

// ANCHOR_END: held_guard_fixed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: held_guard_fixed
async fn record(offsets: &Mutex<Vec<f64>>, idle: &Notify, waits: &Waits) {
    say!("record: 21.4 °C read, the sensor is idle");
    // Wakes `calibrate`: `join!` polls it again after this branch.
    idle.notify_one();
    waits.at("record", "offsets.lock()");
    // Free: `calibrate` holds no guard while it waits.
    let table = offsets.lock().expect("no task panics holding it");
    let applied = table.len();
    say!("record: 21.4 °C stored, {applied} offset(s) applied");
    waits.done("record");
}

// ANCHOR_END: held_guard_fixed
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: held_guard_fixed
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: held_guard_fixed
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: held_guard_fixed
    let waits = Waits::default();
    let offsets = Mutex::new(Vec::new());
    let idle = Notify::new();
    // Both on this one thread: `join!` polls them in turn. No `lock()` can
    // block it now, so a tripwire on this thread can fire if they hang.
    let sensor = async {
        tokio::join!(
            calibrate(&offsets, &idle, &waits),
            record(&offsets, &idle, &waits)
        );
    };
    match tokio::time::timeout(TRIPWIRE, sensor).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
        }
    }
}
// ANCHOR_END: held_guard_fixed

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
