//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod orphaned_receipt;
pub mod stock_take;
pub mod stock_take_solution;

/// `stock-take` is fixed when the panic of shelf B's task neither stops the
/// count of the other shelves (shelf C's 25 items at `3.000s`) nor passes
/// unnoticed: no complete total, but a `stock-take: incomplete` line once
/// every shelf is done, at `3.000s`.
pub fn stock_take(run: &Recording) -> Result<(), String> {
    if let Ok(total) = run.line("items in stock") {
        return Err(format!(
            "got {total}, a total as if every shelf had been counted, though shelf B's task \
             panicked and its count never came: the stock-take should say it is incomplete"
        ));
    }
    let Ok(shelf_c) = run.line("shelf C: 25 items") else {
        return Err(
            "shelf C's count never came: its task was still counting when the loop over the \
             results ended, and the JoinSet, dropped, aborted it"
                .to_string(),
        );
    };
    if shelf_c.time() != "3.000s" {
        return Err(format!(
            "expected [3.000s] shelf C: 25 items, the three shelves counted at once; got {shelf_c}"
        ));
    }
    let incomplete = run.line("stock-take: incomplete")?;
    if incomplete.time() != "3.000s" {
        return Err(format!(
            "expected `stock-take: incomplete, ...` at 3.000s, once the last shelf is counted; \
             got {incomplete}"
        ));
    }
    Ok(())
}
