//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod blocked_join;
pub mod stalled_logins;
pub mod stalled_logins_solution;

/// A poll this long held the thread: a poll that only starts work and
/// returns takes no virtual time at all.
const LONG_POLL: Duration = Duration::from_millis(100);

/// `stalled-logins` is fixed when ada's password check begins at `0.000s`,
/// grace and linus resume their sessions at `0.000s`, while it runs, ada
/// is logged in at `1.000s`, and no request's task holds the runtime's
/// thread for long in one poll.
///
/// The times alone cannot tell: on the paused clock, a hack that lets the
/// sessions run first (a `yield_now` before the hashing, ada spawned last)
/// prints the same lines at the same times, and still hashes on the
/// runtime's thread. The timeline can: it records each poll of the
/// `log_in`/`resume_session` lanes, and a poll that blocks runs for the
/// whole 1 s. (A `spawn_blocking` closure is no lane, so the hashing there
/// does not count; the kit's lanes do not say which thread ran them, so
/// the exercise asks the reader to keep the handlers `async fn`s.)
pub fn stalled_logins(run: &Recording) -> Result<(), String> {
    let checking = run.line("ada: checking the password")?;
    if checking.time() != "0.000s" {
        return Err(format!(
            "expected [0.000s] ada: checking the password, as soon as her request arrived; \
             got {checking}"
        ));
    }
    for user in ["grace", "linus"] {
        let resumed = run.line(&format!("{user}: session resumed"))?;
        if resumed.time() != "0.000s" {
            return Err(format!(
                "expected [0.000s] {user}: session resumed, at once, while ada's password is \
                 checked; got {resumed}: the hashing held the runtime's only thread, and \
                 {user}'s request waited for it"
            ));
        }
    }
    let ada = run.line("ada: logged in")?;
    if ada.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] ada: logged in, after her 1 s of hashing; got {ada}"
        ));
    }
    for lane in &run.timeline.lanes {
        for &(from, to) in &lane.running {
            if to - from >= LONG_POLL {
                return Err(format!(
                    "{}'s task held the runtime's thread from {:.3}s to {:.3}s in one poll: \
                     the hashing still ran on the runtime's only thread (the other requests \
                     only went first), and any request arriving meanwhile would wait for it",
                    lane.name,
                    from.as_secs_f64(),
                    to.as_secs_f64()
                ));
            }
        }
    }
    Ok(())
}
