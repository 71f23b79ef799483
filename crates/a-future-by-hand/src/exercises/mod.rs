//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod early_courier;
pub mod silent_locker;
pub mod silent_locker_solution;

/// `silent-locker` is fixed when the pickup, waiting at the locker from
/// `0.000s` on, collects the parcel at `2.000s`, the moment the courier
/// fills the locker, and the program ends then, without the tripwire.
pub fn silent_locker(run: &Recording) -> Result<(), String> {
    // A pickup that only comes at 2 s (a sleep before `locker.await`) never
    // sees the locker empty, and so never tests the wake-up.
    let waiting = run.line("locker: empty").map_err(|_| {
        "expected [0.000s] locker: empty, Pending, but the locker was never polled empty: the \
         pickup waits at the locker from the start, and the fix is in Locker::poll"
            .to_string()
    })?;
    if waiting.time() != "0.000s" {
        return Err(format!(
            "expected [0.000s] locker: empty, Pending: the pickup waits at the locker from the \
             start, and the fix is in Locker::poll; got {waiting}"
        ));
    }
    if run.tripped() {
        return Err(
            "the program hung: the courier filled the locker at 2.000s, but nothing ever polled \
             the locker again. A future that answers Pending must leave a way to wake its task."
                .to_string(),
        );
    }
    let collected = run.line("pickup: collected")?;
    if collected.time() != "2.000s" {
        return Err(format!(
            "expected [2.000s] pickup: collected a pair of boots, as soon as the locker is filled; got {collected}"
        ));
    }
    let done = run.line("main: done")?;
    if done.time() != "2.000s" {
        return Err(format!("expected [2.000s] main: done; got {done}"));
    }
    Ok(())
}
