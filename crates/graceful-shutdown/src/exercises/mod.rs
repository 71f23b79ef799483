//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod closing_shift;
pub mod slow_closing;
pub mod slow_closing_solution;

/// `slow-closing` is fixed when the drain sees both packers stop at
/// closing time, `1.000s`, and the program exits then.
pub fn slow_closing(run: &Recording) -> Result<(), String> {
    if let Ok(gave_up) = run.line("main: gave up") {
        return Err(format!(
            "the drain waited its whole 2 s although the packers had stopped: {gave_up}"
        ));
    }
    let stopped = run.line("main: every packer has stopped")?;
    if stopped.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] main: every packer has stopped, the instant bob stops at closing time; got {stopped}"
        ));
    }
    let exit = run.line("main: exit")?;
    if exit.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] main: exit, at closing time; got {exit}"
        ));
    }
    run.line("ann: all 2 parcels packed")?;
    run.line("bob: stopped after")?;
    Ok(())
}
