//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod copied_counter;
pub mod hesitant_retry;
pub mod hesitant_retry_solution;

/// `hesitant-retry` is fixed when the first attempt is made at once and
/// the waits between attempts are 1 s, then 2 s: attempts at `0.000s`,
/// `1.000s` and `3.000s`, and the order downloaded at `3.000s`; and an
/// order that always fails gives up right after its fourth attempt, with
/// no pause after it.
pub fn hesitant_retry(run: &Recording) -> Result<(), String> {
    for (attempt, at) in [(1, "0.000s"), (2, "1.000s"), (3, "3.000s")] {
        let line = run.line(&format!("download: attempt {attempt} "))?;
        if line.time() != at {
            return Err(format!(
                "expected attempt {attempt} at {at} (at once, then 1 s and 2 s after each failure); got {line}"
            ));
        }
    }
    let done = run.line("main: order 1042")?;
    if done.time() != "3.000s" || !done.text.contains("Ok(48000)") {
        return Err(format!(
            "expected [3.000s] main: order 1042 Ok(48000); got {done}"
        ));
    }
    // Order 1043 fails 4 times, from 3 s: tries at 3, 4, 6 and 10 s, and
    // no pause after the last, so it gives up at once, at 10 s.
    let gave_up = run.line("main: order 1043")?;
    if gave_up.time() != "10.000s" || !gave_up.text.contains("gave up") {
        return Err(format!(
            "expected [10.000s] main: order 1043 Err(\"gave up after 4 attempts\"), \
             with no pause after the last attempt; got {gave_up}"
        ));
    }
    Ok(())
}
