//! `watch-status`: a `watch` channel holds one value, the latest. A
//! deployment moves through its states faster than the dashboard looks:
//! the dashboard sees the newest state each time, never a backlog.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- watch-status`.

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

// ANCHOR: watch_status
use std::time::Duration;

use tokio::sync::watch;

// ANCHOR_END: watch_status
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: watch_status
async fn dashboard(mut status: watch::Receiver<&'static str>) {
    // Waits until the value changes after the one last seen; `Err` once
    // the sender is gone.
    while status.changed().await.is_ok() {
        // Reads the latest value and marks it seen.
        let now = *status.borrow_and_update();
        say!("dashboard: {now}");
        // Redrawing takes 0.5 s; changes meanwhile are not queued.
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

// ANCHOR_END: watch_status
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: watch_status
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: watch_status
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: watch_status
    let (tx, rx) = watch::channel("queued");
    // The dashboard runs as its own task, from `main`'s first wait on.
    let dashboard = tokio::spawn(dashboard(rx));
    // Each state, and how long until the next one.
    let steps = [
        ("building", 150),
        ("testing", 150),
        ("uploading", 450),
        ("live", 0),
    ];
    for (state, millis) in steps {
        // Replaces the value and wakes the dashboard; never waits.
        tx.send(state).expect("the dashboard is watching");
        say!("deploy: {state}");
        // The next step comes this much later.
        tokio::time::sleep(Duration::from_millis(millis)).await;
    }
    // Dropping the sender ends the dashboard's loop.
    drop(tx);
    // Waits for the dashboard to show the last state and stop.
    dashboard.await.expect("the dashboard does not panic");
}
// ANCHOR_END: watch_status

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
