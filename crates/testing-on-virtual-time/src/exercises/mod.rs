//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod delivery_clock;
pub mod session_expiry;
pub mod session_expiry_solution;

/// `session-expiry` is fixed when the check at `10.000s` finds the session
/// still open and the one at `31.000s` finds it expired, 30 s after it
/// opened, on the paused clock.
pub fn session_expiry(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    let at = |time: &str| lines.iter().find(|l| l.time() == time);
    match at("10.000s") {
        Some(line) if line.text == "checkout: session still open" => {}
        other => {
            return Err(format!(
                "expected [10.000s] checkout: session still open, 10 s into its 30 s; got {}",
                other.map_or("no line at 10.000s".to_string(), |l| l.to_string())
            ));
        }
    }
    match at("31.000s") {
        Some(line) if line.text == "checkout: session expired" => Ok(()),
        Some(line) => Err(format!(
            "expected [31.000s] checkout: session expired, 1 s after its 30 s were up; got {line}. \
             The paused clock moved 31 s, but the session did not see them: which clock does it read?"
        )),
        None => Err("expected a check at 31.000s; keep the test's two waits, 10 s and 21 s".into()),
    }
}
