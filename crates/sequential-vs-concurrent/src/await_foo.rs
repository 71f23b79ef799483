//! `await-foo`: the notebook's "EXAMPLE # 2": `main` awaits `foo`, which
//! prints and sleeps 1 s; `main` resumes only when `foo` is done.

use std::time::Duration;

use lesson_kit::say;

// ANCHOR: await_foo
async fn main_task() {
    say!("tim");
    // "Run foo, and when it's done, resume me": main_task is paused here
    // for as long as foo takes, its 1 s sleep included.
    foo("text").await;
    say!("finished");
}

async fn foo(text: &str) {
    say!("{text}");
    // Pauses foo (and so main_task, which awaits it) for 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
}

pub async fn run() {
    // The notebook's `main`; a Rust program's `main` is not async.
    main_task().await;
}
// ANCHOR_END: await_foo
