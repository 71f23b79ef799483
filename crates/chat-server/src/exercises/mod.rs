//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod newsroom;
pub mod price_burst;
pub mod price_burst_solution;

/// `price-burst` is fixed when the trader reads the last opening price and
/// the later one, and its feed closes only when the exchange does.
pub fn price_burst(run: &Recording) -> Result<(), String> {
    let closed = run.line("trader: feed closed")?;
    if closed.time() != "3.000s" {
        return Err(format!(
            "expected the trader's feed to close at 3.000s, when the exchange closes; got {closed}. \
             A receiver that lagged behind is still subscribed: only RecvError::Closed means the \
             exchange is gone."
        ));
    }
    for (price, at) in [("ACME 104", "1.000s"), ("ACME 99", "2.000s")] {
        let read = run.line(&format!("trader reads \"{price}\""))?;
        if read.time() != at {
            return Err(format!(
                "expected [{at}] trader reads \"{price}\"; got {read}"
            ));
        }
    }
    Ok(())
}
