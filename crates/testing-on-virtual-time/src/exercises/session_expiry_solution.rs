//! Exercise `session-expiry`, solved: the session reads tokio's clock.

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
use std::time::Duration;

// The fix: tokio's `Instant`, which reads the runtime's clock, so a paused
// clock's jumps move it too (std's reads the system's, which no pause stops).
use tokio::time::Instant;

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
