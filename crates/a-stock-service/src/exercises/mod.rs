//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod busy_customer;
pub mod busy_customer_solution;
pub mod last_apples;

/// `busy-customer` is fixed when all four requests are served and the
/// connection ends because the customer left, at 1.600s.
pub fn busy_customer(run: &Recording) -> Result<(), String> {
    if let Ok(cut) = run.line("idle for 1 s") {
        return Err(format!("a busy customer was cut off: {cut}"));
    }
    run.line("served RESERVE pear 1")?;
    let left = run.line("connection: the customer left")?;
    if left.time() != "1.600s" {
        return Err(format!(
            "expected [1.600s] connection: the customer left; got {left}"
        ));
    }
    Ok(())
}
