//! `packing-multi-thread`: four packers, spawned on a `multi_thread`
//! runtime with two worker threads, each add their parcel to one shared
//! list. Which order the list ends in depends on which worker thread takes
//! which task when, and that differs from run to run: so this program
//! prints only what does not, the count. The lesson's benchmark
//! (`cargo xtask bench orders`) runs `pack_parcels` many times and counts
//! the orders it sees.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-send-and-local-tasks -- packing-multi-thread`.

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

// ANCHOR: packing_multi_thread
use std::sync::{Arc, Mutex};

use tokio::runtime::Builder;

pub const PACKERS: [&str; 4] = ["anna", "ben", "chloe", "dev"];

/// Spawns one task per packer; each adds its name to the list when it
/// runs. Returns the list: the order the tasks ran in.
pub async fn pack_parcels() -> Vec<&'static str> {
    // `Arc` and `Mutex`, not `Rc` and `RefCell`: the tasks may run on
    // two threads at once, and `tokio::spawn` asks for `Send`.
    let packed = Arc::new(Mutex::new(Vec::new()));
    let tasks: Vec<_> = PACKERS
        .into_iter()
        .map(|packer| {
            let packed = Arc::clone(&packed);
            tokio::spawn(async move {
                packed.lock().unwrap().push(packer);
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a packer does not panic");
    }
    packed.lock().unwrap().clone()
}

// ANCHOR_END: packing_multi_thread
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: packing_multi_thread
fn main() {
    // ANCHOR_END: packing_multi_thread
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: packing_multi_thread
    // Two worker threads run the spawned tasks; `block_on` runs
    // `pack_parcels` itself on this thread.
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("a multi_thread runtime builds");
    let order = runtime.block_on(pack_parcels());
    // The order is not printed: it is not the same from run to run (see
    // the measurement in the chapter), and this book prints only what is.
    say!("{} parcels packed", order.len());
}
// ANCHOR_END: packing_multi_thread

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
