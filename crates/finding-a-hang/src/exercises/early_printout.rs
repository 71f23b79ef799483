//! Exercise `early-printout` (predict the output): a printer tells two
//! clerks through one `Notify` that a report is in the tray, before either
//! has come to wait, under the chapter's 5 s tripwire. Write down what it
//! prints, in order, with the time of each line, and which tasks the
//! tripwire reports still waiting, before you run it: `cargo xtask
//! exercise early-printout` checks your prediction, and `cargo run -p
//! lesson-finding-a-hang -- early-printout` runs it.

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

// ANCHOR: early_printout
use tokio::sync::Notify;

// ANCHOR_END: early_printout
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: early_printout
async fn printer(tray: Arc<Notify>, waits: Waits) {
    for report in 1..=2 {
        waits.at("printer", "sleep (printing)");
        tokio::time::sleep(Duration::from_millis(500)).await;
        say!("printer: report {report} in the tray");
        // A report for one clerk: wake one.
        tray.notify_one();
    }
    say!("printer: done, telling everyone");
    // Printing is over: wake every clerk.
    tray.notify_waiters();
    waits.done("printer");
}

// ANCHOR_END: early_printout
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: early_printout
async fn clerk(name: &'static str, busy: Duration, tray: Arc<Notify>, waits: Waits) {
    waits.at(name, "sleep (at the counter)");
    tokio::time::sleep(busy).await;
    say!("{name}: going to the tray");
    waits.at(name, "tray.notified()");
    // Pending until the printer's word that a report is in the tray.
    tray.notified().await;
    say!("{name}: took a report");
    waits.done(name);
}

// ANCHOR_END: early_printout
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: early_printout
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: early_printout
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: early_printout
    let waits = Waits::default();
    let tray = Arc::new(Notify::new());
    let printer = tokio::spawn(printer(Arc::clone(&tray), waits.clone()));
    let ann = tokio::spawn(clerk(
        "ann",
        Duration::from_secs(2),
        Arc::clone(&tray),
        waits.clone(),
    ));
    let bob = tokio::spawn(clerk(
        "bob",
        Duration::from_millis(2500),
        tray,
        waits.clone(),
    ));
    let run = async {
        printer.await.expect("the printer does not panic");
        ann.await.expect("ann does not panic");
        bob.await.expect("bob does not panic");
    };
    match tokio::time::timeout(TRIPWIRE, run).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
        }
    }
}
// ANCHOR_END: early_printout

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
