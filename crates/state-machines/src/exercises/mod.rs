//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod biggest_future;
pub mod stalled_restock;
pub mod stalled_restock_solution;

/// `stalled-restock` is fixed when the umbrellas are back in stock at
/// `2.000s`, the end of the 2 s delivery, and the shop goes on.
pub fn stalled_restock(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err(
            "the shop still waits after 60 s: the future returned Poll::Pending, and nothing \
             was ever going to wake its task to poll it again"
                .to_string(),
        );
    }
    let stocked = run.line("umbrellas: back in stock")?;
    if stocked.at.as_secs() >= 60 {
        return Err(format!(
            "{stocked}: nothing woke the task when the delivery was due at 2 s. The future \
             returned Poll::Pending before its timer had the waker, so only the exercise's 60 s \
             tripwire (a timeout around main, which polls main once more when it fires) polled \
             it again; on cargo run it would wait for ever"
        ));
    }
    if stocked.time() != "2.000s" {
        return Err(format!(
            "expected [2.000s] umbrellas: back in stock, at the end of the 2 s delivery; got {stocked}"
        ));
    }
    run.line("shop: umbrellas on the shelf")?;
    Ok(())
}
