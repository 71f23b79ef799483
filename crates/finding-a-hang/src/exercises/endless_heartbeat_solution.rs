//! A solution of exercise `endless-heartbeat`: the heartbeat holds a
//! `WeakSender`, which does not keep the channel open, and upgrades it for
//! each beat; once the last download has dropped its sender the channel
//! closes and the collector's `recv()` returns `None`. (Counting the
//! downloads and leaving the loop after the third passes the check too,
//! here where the number of downloads is fixed; the channels chapter's
//! exercise says why, where it is not, that is no fix.)

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

// ANCHOR: endless_heartbeat_solution
use tokio::sync::mpsc;

enum Message {
    Downloaded(&'static str),
    Heartbeat,
}

// ANCHOR_END: endless_heartbeat_solution
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: endless_heartbeat_solution
async fn download(file: &'static str, seconds: u64, inbox: mpsc::Sender<Message>) {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    inbox
        .send(Message::Downloaded(file))
        .await
        .expect("the collector is running");
}

// ANCHOR_END: endless_heartbeat_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: endless_heartbeat_solution
/// Tells the collector every 0.7 s that the downloader is alive, for as
/// long as a download can still report: its `WeakSender` does not keep the
/// channel open.
async fn heartbeat(inbox: mpsc::WeakSender<Message>, waits: Waits) {
    loop {
        waits.at("heartbeat", "sleep (0.7 s)");
        tokio::time::sleep(Duration::from_millis(700)).await;
        // `None` once every download has dropped its sender.
        let Some(inbox) = inbox.upgrade() else {
            break;
        };
        waits.at("heartbeat", "inbox.send()");
        if inbox.send(Message::Heartbeat).await.is_err() {
            break;
        }
        // The upgraded sender is dropped here, before the next sleep.
    }
    waits.done("heartbeat");
}

// ANCHOR_END: endless_heartbeat_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: endless_heartbeat_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: endless_heartbeat_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: endless_heartbeat_solution
    let waits = Waits::default();
    let (tx, mut inbox) = mpsc::channel(8);
    for (file, seconds) in [("a.iso", 1), ("b.iso", 2), ("c.iso", 3)] {
        tokio::spawn(download(file, seconds, tx.clone()));
    }
    tokio::spawn(heartbeat(tx.downgrade(), waits.clone()));
    drop(tx);
    let collect = async {
        let (mut files, mut beats) = (0, 0);
        loop {
            waits.at("collector", "inbox.recv()");
            match inbox.recv().await {
                Some(Message::Downloaded(file)) => {
                    files += 1;
                    say!("collector: {file} in");
                }
                Some(Message::Heartbeat) => beats += 1,
                None => break,
            }
        }
        waits.done("collector");
        say!("collector: all {files} downloads in, {beats} heartbeats");
    };
    match tokio::time::timeout(TRIPWIRE, collect).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
            say!(
                "watchdog: inbox: {} sender(s) alive",
                inbox.sender_strong_count()
            );
        }
    }
}
// ANCHOR_END: endless_heartbeat_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
