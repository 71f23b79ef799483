//! `full-inboxes`: two tasks, each sending into the other's full
//! bounded inbox: the hub sends all its requests before it reads a
//! reading, the probe cannot take a request until its reading is taken.
//! The 5 s tripwire reports both waiting in `send()`, and both inboxes
//! full.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-finding-a-hang -- full-inboxes`.

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

// ANCHOR: full_inboxes
use tokio::sync::mpsc;

// ANCHOR_END: full_inboxes
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: full_inboxes
async fn hub(requests: mpsc::Sender<u32>, mut readings: mpsc::Receiver<f64>, waits: Waits) {
    // BUG: sends every request before reading any reading, while the
    // probe cannot take a new request until its reading is taken.
    for n in 1..=4 {
        waits.at("hub", "requests.send()");
        requests.send(n).await.expect("the probe is running");
        say!("hub: sent request {n}");
    }
    for _ in 1..=4 {
        waits.at("hub", "readings.recv()");
        let reading = readings.recv().await.expect("the probe is running");
        say!("hub: got {reading:.1} °C");
    }
    waits.done("hub");
}

// ANCHOR_END: full_inboxes
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: full_inboxes
async fn probe(mut requests: mpsc::Receiver<u32>, readings: mpsc::Sender<f64>, waits: Waits) {
    loop {
        waits.at("probe", "requests.recv()");
        let Some(n) = requests.recv().await else {
            break;
        };
        waits.at("probe", "sleep (measuring)");
        tokio::time::sleep(Duration::from_millis(100)).await;
        say!("probe: measured request {n}");
        waits.at("probe", "readings.send()");
        let reading = 20.0 + f64::from(n) / 10.0;
        readings.send(reading).await.expect("the hub is running");
    }
    waits.done("probe");
}

/// How many of an inbox's places are free, without keeping it open.
fn free<T>(inbox: &mpsc::WeakSender<T>) -> String {
    match inbox.upgrade() {
        Some(inbox) => format!("{} of {} free", inbox.capacity(), inbox.max_capacity()),
        None => "closed".to_string(),
    }
}

// ANCHOR_END: full_inboxes
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: full_inboxes
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: full_inboxes
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: full_inboxes
    let waits = Waits::default();
    // Two bounded inboxes, room for one message each.
    let (to_probe, probe_inbox) = mpsc::channel(1);
    let (to_hub, hub_inbox) = mpsc::channel(1);
    // Weak handles, for the report: they do not keep a channel open.
    let (watch_probe, watch_hub) = (to_probe.downgrade(), to_hub.downgrade());
    let probe = tokio::spawn(probe(probe_inbox, to_hub, waits.clone()));
    let hub = tokio::spawn(hub(to_probe, hub_inbox, waits.clone()));
    let run = async {
        hub.await.expect("the hub does not panic");
        probe.await.expect("the probe does not panic");
    };
    match tokio::time::timeout(TRIPWIRE, run).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
            say!("watchdog: probe's inbox: {}", free(&watch_probe));
            say!("watchdog: hub's inbox: {}", free(&watch_hub));
        }
    }
}
// ANCHOR_END: full_inboxes

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
