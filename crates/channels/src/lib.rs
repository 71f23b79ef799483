//! Channels.
//!
//! `all-at-once` is the Rust book's puzzle: messages sent with pauses
//! arrive all at once, because the sending and the receiving are one
//! future; `interleaved` joins them as two futures. `backpressure` shows a
//! bounded `mpsc` channel making a fast producer wait; `oneshot-reply` is
//! request/response; `broadcast-prices` gives every subscriber every
//! message, and `broadcast-capacity` shows the capacity rounded up to a
//! power of two and a late subscriber seeing nothing sent before it;
//! `watch-status` keeps only the latest value.
//!
//! Run it: `cargo run -p lesson-channels`.

use lesson_kit::Program;

mod all_at_once;
mod backpressure;
mod broadcast_capacity;
mod broadcast_prices;
mod exercises;
mod interleaved;
mod oneshot_reply;
mod watch_status;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "all-at-once",
            "send, sleep, ... then recv, in one future",
            all_at_once::program,
        ),
        Program::new(
            "interleaved",
            "join!(sensor(tx), display(rx))",
            interleaved::program,
        ),
        Program::new(
            "backpressure",
            "mpsc::channel(2): send().await waits",
            backpressure::program,
        ),
        Program::new(
            "oneshot-reply",
            "request + oneshot::Sender, await the reply",
            oneshot_reply::program,
        ),
        Program::new(
            "broadcast-prices",
            "broadcast::channel(2), two subscribers",
            broadcast_prices::program,
        ),
        Program::new(
            "broadcast-capacity",
            "broadcast::channel(3) keeps 4; subscribe() replays nothing",
            broadcast_capacity::program,
        ),
        Program::new(
            "watch-status",
            "watch::channel: only the latest value",
            watch_status::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "packing-closes",
            "a bounded channel whose receiver is dropped early",
            exercises::packing_closes::program,
        ),
        Program::fix(
            "endless-collector",
            "recv() in a loop: the summary never comes",
            exercises::endless_collector::program,
            exercises::endless_collector_solution::program,
            exercises::endless_collector,
        ),
    ]
}
