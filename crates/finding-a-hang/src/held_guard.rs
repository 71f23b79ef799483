//! `held-guard`: a `std` guard held across `.await` under `join!`, and the
//! hang it causes. `calibrate` keeps the offsets guard across an `.await`;
//! `record`'s `lock()` then blocks the thread that runs both, the one
//! thread that could poll `calibrate` again. No timer on that thread can
//! end it, so the two run on a thread of their own, and a watchdog task on
//! the runtime's thread reports who waits, and where.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-finding-a-hang -- held-guard`.

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

// ANCHOR: held_guard
use std::thread;

use tokio::runtime::Handle;
use tokio::sync::{Notify, Semaphore, oneshot};

// ANCHOR_END: held_guard
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: held_guard
// The mistake this program shows; clippy warns about it.
#[allow(clippy::await_holding_lock)]
async fn calibrate(offsets: &Mutex<Vec<f64>>, idle: &Notify, at_lock: &Semaphore, waits: &Waits) {
    waits.at("calibrate", "offsets.lock()");
    // One more permit for the watchdog: calibrate has reached its lock.
    at_lock.add_permits(1);
    let mut table = offsets.lock().expect("no task panics holding it");
    say!("calibrate: took the offsets lock, waiting for the sensor to go idle");
    waits.at("calibrate", "idle.notified(), holding the offsets lock");
    // BUG: the std guard `table` is alive across this `.await`, which is
    // pending: `join!` goes on to poll `record`.
    idle.notified().await;
    table.push(0.25);
    say!("calibrate: offset stored");
    waits.done("calibrate");
}

// ANCHOR_END: held_guard
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: held_guard
async fn record(offsets: &Mutex<Vec<f64>>, idle: &Notify, at_lock: &Semaphore, waits: &Waits) {
    say!("record: 21.4 °C read, the sensor is idle");
    // Wakes `calibrate`: `join!` will poll it again once this branch
    // returns `Pending`, which it never does.
    idle.notify_one();
    waits.at("record", "offsets.lock()");
    at_lock.add_permits(1);
    // Blocks this thread until `calibrate` drops its guard, and only this
    // thread can poll `calibrate`: it never will.
    let table = offsets.lock().expect("no task panics holding it");
    let applied = table.len();
    say!("record: 21.4 °C stored, {applied} offset(s) applied");
    waits.done("record");
}

/// Both in one future: `join!` polls them in turn, on the thread that runs
/// the sensor. Nothing here asks for `Send`, so the guard across the
/// `.await` compiles.
async fn sensor(at_lock: Arc<Semaphore>, waits: Waits) {
    let offsets = Mutex::new(Vec::new());
    let idle = Notify::new();
    tokio::join!(
        calibrate(&offsets, &idle, &at_lock, &waits),
        record(&offsets, &idle, &at_lock, &waits)
    );
}

/// The tripwire, on the runtime's thread: gives the sensor 5 s from the
/// moment both `calibrate` and `record` have reached the lock.
async fn watchdog(at_lock: Arc<Semaphore>, sensor_done: oneshot::Receiver<()>, waits: Waits) {
    // From then on the sensor needs no time at all to finish.
    let _both = at_lock.acquire_many(2).await.expect("never closed");
    match tokio::time::timeout(TRIPWIRE, sensor_done).await {
        Ok(_) => say!("watchdog: the sensor is done"),
        Err(_elapsed) => {
            say!(
                "watchdog: the sensor still hangs {} s after both reached the lock",
                TRIPWIRE.as_secs()
            );
            waits.report();
        }
    }
}

// ANCHOR_END: held_guard
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: held_guard
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: held_guard
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: held_guard
    let waits = Waits::default();
    let at_lock = Arc::new(Semaphore::new(0));
    let (done, sensor_done) = oneshot::channel();
    let watchdog = tokio::spawn(watchdog(Arc::clone(&at_lock), sensor_done, waits.clone()));
    // The sensor runs on a thread of its own, on this runtime: when that
    // thread is blocked, this one is still free to notice. A tripwire on
    // the sensor's own thread would never fire.
    let runtime = Handle::current();
    thread::spawn(move || {
        runtime.block_on(sensor(at_lock, waits));
        let _ = done.send(());
    });
    watchdog.await.expect("the watchdog does not panic");
}
// ANCHOR_END: held_guard

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
