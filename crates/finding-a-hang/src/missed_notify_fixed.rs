//! `missed-notify-fixed`: the lost wake-up fixed: `notify_one` keeps a permit
//! when no task is waiting yet, and the installer's `notified()` takes it
//! at 2 s.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-finding-a-hang -- missed-notify-fixed`.

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

// ANCHOR: missed_notify_fixed
use tokio::sync::Notify;

// ANCHOR_END: missed_notify_fixed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: missed_notify_fixed
async fn download(saved: Arc<Notify>, waits: Waits) {
    waits.at("download", "sleep (fetching installer.iso)");
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("download: installer.iso saved, notifying");
    // Fixed: with no task waiting yet, `notify_one` keeps a permit, and
    // the next `notified()` takes it at once.
    saved.notify_one();
    waits.done("download");
}

// ANCHOR_END: missed_notify_fixed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: missed_notify_fixed
async fn installer(saved: Arc<Notify>, waits: Waits) {
    waits.at("installer", "sleep (checking disk space)");
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("installer: disk checked, waiting for the download");
    waits.at("installer", "saved.notified()");
    // Ready at once: the permit from 1 s is waiting here.
    saved.notified().await;
    say!("installer: installing");
    waits.done("installer");
}

// ANCHOR_END: missed_notify_fixed
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: missed_notify_fixed
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: missed_notify_fixed
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: missed_notify_fixed
    let waits = Waits::default();
    let saved = Arc::new(Notify::new());
    let download = tokio::spawn(download(Arc::clone(&saved), waits.clone()));
    let installer = tokio::spawn(installer(saved, waits.clone()));
    let run = async {
        download.await.expect("the download does not panic");
        installer.await.expect("the installer does not panic");
    };
    // The tripwire: the whole run, or 5 s, whichever ends first. It can
    // fire because every task is *waiting*: the thread is free.
    match tokio::time::timeout(TRIPWIRE, run).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
        }
    }
}
// ANCHOR_END: missed_notify_fixed

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
