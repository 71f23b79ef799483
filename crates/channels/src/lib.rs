//! Channels.
//!
//! `all-at-once` is the Rust book's puzzle: messages sent with pauses
//! arrive all at once, because the sending and the receiving are one
//! future; `interleaved` joins them as two futures. `backpressure` shows a
//! bounded `mpsc` channel making a fast producer wait; `oneshot-reply` is
//! request/response; `broadcast-prices` gives every subscriber every
//! message; `watch-status` keeps only the latest value.
//!
//! Run it: `cargo run -p lesson-channels`.

use lesson_kit::Program;

pub mod all_at_once;
pub mod backpressure;
pub mod broadcast_prices;
pub mod interleaved;
pub mod oneshot_reply;
pub mod watch_status;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::tokio(
            "all-at-once",
            "send, sleep, ... then recv, in one future",
            all_at_once::run,
        ),
        Program::tokio("interleaved", "join!(sensor, display)", interleaved::run),
        Program::tokio(
            "backpressure",
            "mpsc::channel(2): send().await waits",
            backpressure::run,
        ),
        Program::tokio(
            "oneshot-reply",
            "request + oneshot::Sender, await the reply",
            oneshot_reply::run,
        ),
        Program::tokio(
            "broadcast-prices",
            "broadcast::channel(2), two subscribers",
            broadcast_prices::run,
        ),
        Program::tokio(
            "watch-status",
            "watch::channel: only the latest value",
            watch_status::run,
        ),
    ]
}
