//! Exercise `stalled-logins` (fix the bug): three login requests arrive
//! together. ada logs in with her password, which takes 1 s of CPU-heavy
//! hashing; grace and linus resume a session, which takes no time at all.
//! But the hashing runs on the runtime's only thread, and the two sessions
//! wait 1 s for it. Make grace and linus get their sessions at once, while
//! ada's password is checked, and ada still be logged in at 1 s. Keep
//! `thread::sleep` in `verify_password`: it stands in for the hashing,
//! which has no `.await` to give the thread back at. Keep `log_in` and
//! `resume_session` `async fn`s: the check reads their tasks' polls, and
//! fails if one of them holds the runtime's thread for the hashing, even
//! when the sessions are let go first.
//!
//! Check your fix with `cargo xtask exercise stalled-logins`, which copies
//! this file to `exercises/stalled-logins.rs` for you to edit.

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

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: stalled_logins
use std::time::Duration;

use tokio::task::JoinSet;

/// Checks a password against its stored hash: 1 s of CPU-heavy hashing,
/// on purpose (that is what makes stolen hashes hard to crack).
/// `thread::sleep` stands in for it.
fn verify_password(user: &str, password: &str) -> bool {
    thread::sleep(Duration::from_secs(1));
    user == "ada" && password == "correct horse"
}

// ANCHOR_END: stalled_logins
#[cfg_attr(test, lesson_kit::lane(user))]
// ANCHOR: stalled_logins
async fn log_in(user: &'static str, password: String) {
    say!("{user}: checking the password");
    let valid = verify_password(user, &password);
    if valid {
        say!("{user}: logged in");
    } else {
        say!("{user}: wrong password");
    }
}

// ANCHOR_END: stalled_logins
#[cfg_attr(test, lesson_kit::lane(user))]
// ANCHOR: stalled_logins
async fn resume_session(user: &'static str) {
    // The session is in memory: nothing to wait for.
    say!("{user}: session resumed");
}

// ANCHOR_END: stalled_logins
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stalled_logins
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stalled_logins
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stalled_logins
    // The three requests, in the order they arrived; each is a task, and
    // they start when `main` waits for them.
    let mut requests = JoinSet::new();
    requests.spawn(log_in("ada", "correct horse".to_string()));
    requests.spawn(resume_session("grace"));
    requests.spawn(resume_session("linus"));
    requests.join_all().await;
}
// ANCHOR_END: stalled_logins

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
