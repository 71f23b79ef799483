//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod dinner_service;
pub mod unsent_receipts;
pub mod unsent_receipts_solution;

/// `unsent-receipts` is fixed when all three receipts are sent, and the
/// shop closes after them, at `4.000s`: as soon as the slowest one (order
/// 2's, 4 s) is sent, the report having been written meanwhile.
pub fn unsent_receipts(run: &Recording) -> Result<(), String> {
    let closing = run.line("shop: closing")?;
    let lines = run.lines();
    let position = |needle: &str| lines.iter().position(|l| l.text.contains(needle));
    for order in 1..=3 {
        let needle = format!("order {order}: receipt sent");
        let Some(sent) = position(&needle) else {
            return Err(format!(
                "order {order}'s receipt was never sent: the shop closed first, {closing}, and the \
                 runtime dropped the task still sending it."
            ));
        };
        if position("shop: closing") < Some(sent) {
            return Err(format!(
                "the shop closed, {closing}, before order {order}'s receipt was sent: {}",
                lines[sent]
            ));
        }
    }
    if closing.at != Duration::from_secs(4) {
        return Err(format!(
            "expected [4.000s] shop: closing, as soon as the last receipt is sent, the report \
             written meanwhile; got {closing}"
        ));
    }
    Ok(())
}
