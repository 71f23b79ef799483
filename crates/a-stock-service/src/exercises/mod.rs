//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod busy_customer;
pub mod busy_customer_solution;
pub mod last_apples;

/// `busy-customer` is fixed when each connection closes exactly 1 s after
/// its customer's last line: ann's at 2.600s, ben's at 1.400s. Each
/// assertion names the wrong fix it catches.
pub fn busy_customer(run: &Recording) -> Result<(), String> {
    // No timeout at all: nothing closes a silent connection, the run hangs
    // until the tripwire.
    if run.tripped() {
        return Err("a silent customer was never cut off: the run hung".into());
    }
    // A timeout around the whole visit shorter than ann's visit, or an idle
    // limit under 400 ms: busy ann is cut off while she still asks.
    if let Ok(cut) = run.line("ann: cut off") {
        return Err(format!("a busy customer was cut off: {cut}"));
    }
    for request in ["GET apple", "RESERVE apple 1", "GET pear", "RESERVE pear 1"] {
        run.line(&format!("connection ann: served {request}"))?;
    }
    // Any idle limit other than 1 s (a timeout per line closes 1.6 s + the
    // limit), and a whole-visit timeout of any length T (it closes both
    // connections at T: no T is both 2.6 s and 1.4 s).
    for (who, at) in [("ann", "2.600s"), ("ben", "1.400s")] {
        let closed = run.line(&format!("connection {who}: idle for 1 s, closing"))?;
        if closed.time() != at {
            return Err(format!(
                "expected [{at}] connection {who}: idle for 1 s, closing (1 s after {who}'s last line); got {closed}"
            ));
        }
    }
    Ok(())
}
