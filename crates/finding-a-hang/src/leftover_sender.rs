//! `leftover-sender`: the collector's `recv()` never returns `None`: both
//! packers are done, but `main` still holds the first `Sender`. The 5 s
//! tripwire reports the collector waiting, and the channel's own count
//! says one sender is still alive.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-finding-a-hang -- leftover-sender`.

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

// ANCHOR: leftover_sender
use tokio::sync::mpsc;

// ANCHOR_END: leftover_sender
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: leftover_sender
async fn packer(name: &'static str, every: Duration, parcels: mpsc::Sender<String>, waits: Waits) {
    for n in 1..=2 {
        waits.at(name, "sleep (packing)");
        tokio::time::sleep(every).await;
        waits.at(name, "parcels.send()");
        let parcel = format!("{name} #{n}");
        parcels
            .send(parcel)
            .await
            .expect("the collector is running");
    }
    waits.done(name);
    // This packer's sender is dropped here.
}

// ANCHOR_END: leftover_sender
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: leftover_sender
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: leftover_sender
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: leftover_sender
    let waits = Waits::default();
    let (tx, mut parcels) = mpsc::channel(8);
    for (name, every) in [("packer-a", 1000), ("packer-b", 1500)] {
        let every = Duration::from_millis(every);
        tokio::spawn(packer(name, every, tx.clone(), waits.clone()));
    }
    let collect = async {
        let mut count = 0;
        loop {
            waits.at("collector", "parcels.recv()");
            // `None` only once every sender is dropped.
            let Some(parcel) = parcels.recv().await else {
                break;
            };
            count += 1;
            say!("collector: {parcel} in");
        }
        waits.done("collector");
        say!("collector: all {count} parcels in");
    };
    match tokio::time::timeout(TRIPWIRE, collect).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
            // Who could still send? Ask the channel itself.
            let (queued, senders) = (parcels.len(), parcels.sender_strong_count());
            say!("watchdog: parcels channel: {queued} queued, {senders} sender(s) alive");
        }
    }
}
// ANCHOR_END: leftover_sender

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
