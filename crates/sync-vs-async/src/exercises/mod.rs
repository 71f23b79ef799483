//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod slow_checkout;
pub mod slow_checkout_solution;
pub mod weather_station;

/// `slow-checkout` is fixed when each of the three orders is paid at
/// `1.000s` (the bank's 1 s, overlapped: not sooner, not later), and the
/// checkout is over then too.
pub fn slow_checkout(run: &Recording) -> Result<(), String> {
    let bank = Duration::from_secs(1);
    for order in 1..=3 {
        let paid = run.line(&format!("order {order}: paid"))?;
        if paid.at < bank {
            return Err(format!(
                "order {order} was paid before the bank could answer: {paid}. Keep the 1 s wait, \
                 but make it a wait that gives the thread back."
            ));
        }
        if paid.at > bank {
            return Err(format!(
                "expected all three orders paid at 1.000s, their waits overlapping; got {paid}: \
                 its wait began only after the orders before it had been paid."
            ));
        }
    }
    let done = run.line("checkout: all three orders paid")?;
    if done.at != bank {
        return Err(format!(
            "expected [1.000s] checkout: all three orders paid; got {done}"
        ));
    }
    Ok(())
}
