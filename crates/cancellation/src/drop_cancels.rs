//! `drop-cancels`: a future is cancelled by dropping it, and only then.
//! The upload is paused at its `.await` while `main` waits for the user;
//! when `main` drops it, it stops right there: the guard's `Drop` says
//! which part was in flight, and no line after that `.await` ever runs.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-cancellation -- drop-cancels`.

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

// ANCHOR: drop_cancels
use std::time::Duration;

/// Says, when dropped before `finish()`, what was cut off: a destructor
/// is the only code of a future that runs when it is cancelled.
struct InFlight {
    what: String,
    finished: bool,
}

impl InFlight {
    fn start(what: String) -> Self {
        say!("{what}: sending");
        InFlight {
            what,
            finished: false,
        }
    }

    fn finish(mut self) {
        say!("{}: sent", self.what);
        self.finished = true;
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if !self.finished {
            say!("{}: cancelled here, never sent", self.what);
        }
    }
}

// ANCHOR_END: drop_cancels
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: drop_cancels
async fn upload(file: &str) {
    for part in 1..=4 {
        let part = InFlight::start(format!("{file} part {part}"));
        // Each part takes 1 s on the network. If the future is dropped
        // while paused here, `part` is dropped with it.
        tokio::time::sleep(Duration::from_secs(1)).await;
        part.finish();
    }
    say!("{file}: upload complete");
}

// ANCHOR_END: drop_cancels
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: drop_cancels
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: drop_cancels
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: drop_cancels
    // Pinned in a `Box`: `select!` can poll it through `&mut upload`, and
    // `main` owns it, to drop it when it wants. (`tokio::pin!` would pin
    // it on the stack, where it lives to the end of the block: there
    // `drop(upload)` would drop only a `Pin<&mut _>`.)
    let mut upload = Box::pin(upload("video.mp4"));
    // Races the upload against the user's cancel button (at 2.5 s). The
    // branch polls `&mut upload`: losing the race drops the reference,
    // not the upload, which stays paused at its `.await`. (`biased;`
    // polls the branches in order, so the timeline is the same every run.)
    tokio::select! {
        biased;
        () = &mut upload => say!("main: upload finished"),
        () = tokio::time::sleep(Duration::from_millis(2500)) => {
            say!("main: the user pressed cancel");
        }
    }
    say!("main: the upload is paused, not cancelled; dropping it now");
    // This is the cancellation: the future's state, its guard included,
    // is destroyed, and nothing will ever poll it again.
    drop(upload);
    say!("main: dropped");
}
// ANCHOR_END: drop_cancels

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
