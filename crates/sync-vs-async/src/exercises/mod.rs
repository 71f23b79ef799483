//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod slow_checkout;
pub mod slow_checkout_solution;
pub mod weather_station;

/// `slow-checkout` is fixed when each of the three orders starts its
/// payment at `0.000s` and is paid 1 s later (the bank's 1 s, overlapped:
/// not sooner, not later), and the checkout is over at `1.000s` too.
pub fn slow_checkout(run: &Recording) -> Result<(), String> {
    let bank = Duration::from_secs(1);
    for order in 1..=3 {
        let charging = run.line(&format!("order {order}: charging the card"))?;
        if !charging.at.is_zero() {
            return Err(format!(
                "expected all three payments to begin at once, at 0.000s, each waiting for \
                 the bank inside `charge`; order {order}'s began only at {charging}"
            ));
        }
        let paid = run.line(&format!("order {order}: paid"))?;
        if paid.at < charging.at + bank {
            return Err(format!(
                "order {order} was paid before the bank could answer: {paid}, less than 1 s \
                 after its payment began. Keep the 1 s wait in `charge`, but make it a wait \
                 that gives the thread back."
            ));
        }
        if paid.at > charging.at + bank {
            return Err(format!(
                "order {order}'s payment began at 0.000s, and yet it was paid only at {paid}, \
                 more than the bank's 1 s later. (If its wait now blocks another thread, with \
                 `spawn_blocking` or `std::thread`: this exercise wants a wait that is an \
                 `.await` on the runtime's thread, and the book's recording times only one \
                 blocking sleep at a time exactly.)"
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
