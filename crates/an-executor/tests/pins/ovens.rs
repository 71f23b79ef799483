//! `ovens`: a check of this lesson, not a chapter listing. Two tasks set
//! timers for the same instant, then `main` sets one for it too, last.
//! When the instant comes, tokio polls `main` first (its `woken` flag),
//! then the tasks, in the order their timers were set; no Part I program
//! pins either order. `tests/on_tokio.rs` records this file on tokio
//! (`snapshots/ovens.snap`); `tests/part_one.rs` runs the same file on the
//! lesson's executor and compares.

use std::time::Duration;

use lesson_kit::say;

async fn oven(name: &'static str, ready: tokio::time::Instant) {
    say!("{name}: baking");
    // Every timer of this program is set for the same instant.
    tokio::time::sleep_until(ready).await;
    say!("{name}: done");
}

#[lesson_kit::main]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ready = tokio::time::Instant::now() + Duration::from_secs(1);
    // Queued in this order; each sets its timer when it first runs.
    let bread = tokio::spawn(oven("bread", ready));
    let pizza = tokio::spawn(oven("pizza", ready));
    // Both ovens run (and set their timers) before `main` goes on.
    tokio::task::yield_now().await;
    say!("baker: both ovens on");
    // The third timer for `ready`, set last.
    tokio::time::sleep_until(ready).await;
    say!("baker: the timer rang");
    bread.await.unwrap();
    pizza.await.unwrap();
    say!("baker: all out");
}

pub(crate) fn program() {
    main()
}
