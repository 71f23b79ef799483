//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod copied_counter;
pub mod hesitant_retry;
pub mod hesitant_retry_solution;

/// `hesitant-retry` is fixed when the first attempt is made at once and
/// the waits between attempts are 1 s, then 2 s: attempts at `0.000s`,
/// `1.000s` and `3.000s`, and the order downloaded at `3.000s`.
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
    Ok(())
}
