//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod lost_confirmations;
pub mod lost_confirmations_solution;
pub mod orphaned_receipt;

/// `lost-confirmations` is fixed when every customer's confirmation is
/// sent, each at its own time (all at once, not one after another), and
/// the program prints nothing after the last one, at `1.200s`.
pub fn lost_confirmations(run: &Recording) -> Result<(), String> {
    let last = run.lines().pop().ok_or("the program printed nothing")?;
    for (customer, due) in [("ada", "0.800s"), ("grace", "1.200s"), ("linus", "0.500s")] {
        let Ok(sent) = run.line(&format!("{customer}: confirmation sent")) else {
            return Err(format!(
                "{customer}'s confirmation was never sent: the program ended at {last} \
                 while {customer}'s task was still waiting for the mail server, and \
                 the runtime dropped it"
            ));
        };
        if sent.time() != due {
            return Err(format!(
                "expected {customer}'s confirmation at {due}, with the three e-mails sent \
                 at once; it came at {sent}"
            ));
        }
    }
    if last.time() != "1.200s" {
        return Err(format!(
            "the last confirmation was out at 1.200s, but the program went on until {last}: \
             `main` should write its log while the e-mails are sent, then wait just for \
             the tasks still running"
        ));
    }
    Ok(())
}
