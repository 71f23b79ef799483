//! `detached-at-exit`: a detached task does not keep the program alive.
//! When `main` returns, `#[tokio::main]` drops the runtime, and the runtime
//! drops every task still in it, wherever it waits: the upload's guard
//! says so in its `Drop`, and the upload's last line never prints.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-spawning-tasks -- detached-at-exit`.

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

// ANCHOR: detached_at_exit
use std::time::Duration;

/// Lives across the upload's `.await`s; its `Drop` says whether the upload
/// got to its end.
struct Upload {
    done: bool,
}

impl Drop for Upload {
    fn drop(&mut self) {
        if !self.done {
            say!("logs: dropped mid-upload; part 2 never sent");
        }
    }
}

// ANCHOR_END: detached_at_exit
#[cfg_attr(test, lesson_kit::lane("logs"))]
// ANCHOR: detached_at_exit
async fn upload_logs() {
    let mut upload = Upload { done: false };
    say!("logs: sending part 1");
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("logs: sending part 2");
    // `main` returns at 1.5 s, while this task waits here.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("logs: part 2 sent");
    upload.done = true;
}

// ANCHOR_END: detached_at_exit
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: detached_at_exit
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: detached_at_exit
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: detached_at_exit
    // Detached at once: the handle is not kept, and nobody waits for it.
    tokio::spawn(upload_logs());
    tokio::time::sleep(Duration::from_millis(1500)).await;
    say!("main: returning");
    // Returning ends `block_on`. `#[tokio::main]` then drops the runtime,
    // which drops the tasks left in it, each at its `.await`.
}
// ANCHOR_END: detached_at_exit

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
