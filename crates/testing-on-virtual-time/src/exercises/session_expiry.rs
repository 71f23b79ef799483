//! Exercise `session-expiry` (fix the bug): this program is a test of a
//! checkout session, which expires 30 s after it opens. It runs on a
//! paused clock, and at 31 s the session should be expired; it says it is
//! still open. Fix the session (not the test's waits) so that the check at
//! 31 s finds it expired, on the paused clock as on the real one.
//!
//! Check your fix with `cargo xtask exercise session-expiry`, which
//! copies this file to `exercises/session-expiry.rs` for you to edit.

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

// ANCHOR: session_expiry
use std::time::{Duration, Instant};

/// A checkout session: open for 30 s after it starts.
struct Session {
    opened: Instant,
}

impl Session {
    fn open() -> Session {
        Session {
            opened: Instant::now(),
        }
    }

    fn expired(&self) -> bool {
        self.opened.elapsed() >= Duration::from_secs(30)
    }
}

// ANCHOR_END: session_expiry
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: session_expiry
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR_END: session_expiry
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: session_expiry
    let session = Session::open();
    for seconds in [10, 21] {
        // On the paused clock the runtime jumps to this timer at once.
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        let state = if session.expired() {
            "expired"
        } else {
            "still open"
        };
        say!("checkout: session {state}");
    }
}
// ANCHOR_END: session_expiry

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
