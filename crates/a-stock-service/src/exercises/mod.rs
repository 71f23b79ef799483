//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones. (The template's are stubs: replace them
//! with the lesson's own, and rename them.)

use lesson_kit::Recording;

pub mod a_stock_service_fix;
pub mod a_stock_service_fix_solution;
pub mod a_stock_service_predict;

/// `a-stock-service-fix` is fixed when both downloads are done by `2.000s`.
pub fn a_stock_service_fix(run: &Recording) -> Result<(), String> {
    let done = run.line("both downloads done")?;
    if done.at.as_secs_f64() > 2.0 {
        return Err(format!(
            "expected both downloads done by 2.000s, the time of the slower one; got {done}: their waits add up instead of overlapping"
        ));
    }
    Ok(())
}
