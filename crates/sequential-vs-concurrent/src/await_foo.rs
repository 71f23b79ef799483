//! `await-foo`: the notebook's "EXAMPLE # 2": `main` awaits `foo`, which
//! prints and sleeps 1 s; `main` resumes only when `foo` is done.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-sequential-vs-concurrent -- await-foo`.

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

// ANCHOR: await_foo
use std::time::Duration;

// ANCHOR_END: await_foo
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: await_foo
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: await_foo
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: await_foo
    say!("tim");
    // "Run foo, and when it's done, resume me": main is paused here for
    // as long as foo takes, its 1 s sleep included.
    foo("text").await;
    say!("finished");
}

async fn foo(text: &str) {
    say!("{text}");
    // Pauses foo (and so main, which awaits it) for 1 s.
    tokio::time::sleep(Duration::from_secs(1)).await;
}
// ANCHOR_END: await_foo

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
