//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::{Line, Recording};

pub mod bad_postcode;
pub mod checkout_steps;
pub mod checkout_steps_solution;

/// When order `order` began: its first line.
fn began(run: &Recording, order: u32) -> Result<Line, String> {
    run.line(&format!("order {order}:"))
}

/// `checkout-steps` is fixed when order 1 is confirmed 2 s after it began
/// (the slower step's time, not the sum of both), and order 2 fails 1 s
/// after it began (when the card is declined), its stock never reserved.
pub fn checkout_steps(run: &Recording) -> Result<(), String> {
    let start = began(run, 1)?;
    let confirmed = run.line("order 1: confirmed")?;
    if confirmed.at - start.at != Duration::from_secs(2) {
        return Err(format!(
            "order 1 began at {} and was confirmed only at {confirmed}: with both steps at once, \
             it takes 2 s, the time of the slower step, not the sum of the two",
            start.time()
        ));
    }
    let start = began(run, 2)?;
    let failed = run.line("order 2: failed")?;
    if failed.at - start.at != Duration::from_secs(1) {
        return Err(format!(
            "order 2 began at {}, its card was declined 1 s later, and yet it failed only at {failed}: \
             the checkout should give up at the first error",
            start.time()
        ));
    }
    if let Ok(reserved) = run.line("order 2: stock reserved") {
        return Err(format!(
            "order 2 failed, and yet its stock was reserved: {reserved}. The reservation should be \
             dropped when the card is declined"
        ));
    }
    Ok(())
}
