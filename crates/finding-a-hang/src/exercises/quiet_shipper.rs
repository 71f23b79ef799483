//! Exercise `quiet-shipper` (predict the output): an order pipeline,
//! picker → packer → shipper, under the chapter's 5 s tripwire. Write down
//! what it prints, in order, with the time of each line, and which tasks
//! the tripwire reports still waiting, before you run it: `cargo xtask
//! exercise quiet-shipper` checks your prediction, and `cargo run -p
//! lesson-finding-a-hang -- quiet-shipper` runs it.

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

// ANCHOR: quiet_shipper
use tokio::sync::mpsc;

// ANCHOR_END: quiet_shipper
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: quiet_shipper
async fn picker(to_packer: mpsc::Sender<u32>, waits: Waits) {
    for order in 1..=3 {
        waits.at("picker", "sleep (picking)");
        tokio::time::sleep(Duration::from_secs(1)).await;
        waits.at("picker", "to_packer.send()");
        to_packer.send(order).await.expect("the packer is running");
    }
    waits.done("picker");
}

// ANCHOR_END: quiet_shipper
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: quiet_shipper
async fn packer(mut orders: mpsc::Receiver<u32>, to_shipper: mpsc::Sender<u32>, waits: Waits) {
    loop {
        waits.at("packer", "orders.recv()");
        let Some(order) = orders.recv().await else {
            break;
        };
        waits.at("packer", "to_shipper.send()");
        to_shipper
            .send(order)
            .await
            .expect("the shipper is running");
    }
    waits.done("packer");
}

// ANCHOR_END: quiet_shipper
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: quiet_shipper
async fn shipper(mut parcels: mpsc::Receiver<u32>, waits: Waits) {
    loop {
        waits.at("shipper", "parcels.recv()");
        let Some(order) = parcels.recv().await else {
            break;
        };
        say!("shipper: order {order} shipped");
    }
    waits.done("shipper");
    say!("shipper: all orders shipped");
}

// ANCHOR_END: quiet_shipper
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: quiet_shipper
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: quiet_shipper
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: quiet_shipper
    let waits = Waits::default();
    let (to_packer, orders) = mpsc::channel(4);
    let (to_shipper, parcels) = mpsc::channel(4);
    let picker = tokio::spawn(picker(to_packer, waits.clone()));
    let packer = tokio::spawn(packer(orders, to_shipper.clone(), waits.clone()));
    let shipper = tokio::spawn(shipper(parcels, waits.clone()));
    // A rush order goes straight to the shipper.
    to_shipper.send(99).await.expect("the shipper is running");
    let run = async {
        picker.await.expect("the picker does not panic");
        packer.await.expect("the packer does not panic");
        shipper.await.expect("the shipper does not panic");
    };
    match tokio::time::timeout(TRIPWIRE, run).await {
        Ok(()) => say!("main: done"),
        Err(_elapsed) => {
            say!("watchdog: not done after {} s", TRIPWIRE.as_secs());
            waits.report();
        }
    }
}
// ANCHOR_END: quiet_shipper

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
