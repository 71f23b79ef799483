//! A solution of exercise `stalled-logins`: the hashing runs on tokio's
//! blocking pool, with `spawn_blocking`, and `log_in` awaits its handle,
//! which gives the runtime thread back to the other requests. (Letting
//! the sessions go first, with a `yield_now` before the hashing or ada
//! spawned last, does not fix it: ada's poll still holds the runtime's
//! thread for 1 s, and the check sees it. `block_in_place` does not
//! either: it panics on a `current_thread` runtime.)

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

// ANCHOR: stalled_logins_solution
use std::time::Duration;

use tokio::task::JoinSet;

/// Checks a password against its stored hash: 1 s of CPU-heavy hashing,
/// on purpose (that is what makes stolen hashes hard to crack).
/// `thread::sleep` stands in for it.
fn verify_password(user: &str, password: &str) -> bool {
    thread::sleep(Duration::from_secs(1));
    user == "ada" && password == "correct horse"
}

// ANCHOR_END: stalled_logins_solution
#[cfg_attr(test, lesson_kit::lane(user))]
// ANCHOR: stalled_logins_solution
async fn log_in(user: &'static str, password: String) {
    say!("{user}: checking the password");
    // Runs the hashing on a thread of tokio's blocking pool, and waits for
    // it without blocking: the runtime thread serves the other requests
    // meanwhile. The closure must own what it uses (`move`), as a task's
    // future must.
    let valid = tokio::task::spawn_blocking(move || verify_password(user, &password))
        .await
        .expect("the hashing does not panic");
    if valid {
        say!("{user}: logged in");
    } else {
        say!("{user}: wrong password");
    }
}

// ANCHOR_END: stalled_logins_solution
#[cfg_attr(test, lesson_kit::lane(user))]
// ANCHOR: stalled_logins_solution
async fn resume_session(user: &'static str) {
    // The session is in memory: nothing to wait for.
    say!("{user}: session resumed");
}

// ANCHOR_END: stalled_logins_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stalled_logins_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stalled_logins_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stalled_logins_solution
    // The three requests, in the order they arrived; each is a task, and
    // they start when `main` waits for them.
    let mut requests = JoinSet::new();
    requests.spawn(log_in("ada", "correct horse".to_string()));
    requests.spawn(resume_session("grace"));
    requests.spawn(resume_session("linus"));
    requests.join_all().await;
}
// ANCHOR_END: stalled_logins_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
