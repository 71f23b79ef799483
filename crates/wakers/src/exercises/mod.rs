//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod handed_over_parcel;
pub mod handed_over_parcel_solution;
pub mod impatient_customer;

/// `handed-over-parcel` is fixed when the porter signs for the parcel at
/// `2.000s`, the moment the courier delivers it, after `main` handed it
/// over at `1.000s`, and the program ends then, without the tripwire.
/// (A change outside `Delivery::poll` that keeps the delivery in `main`'s
/// task prints the same lines: the chapter asks for a change of
/// `Delivery::poll` only.)
pub fn handed_over_parcel(run: &Recording) -> Result<(), String> {
    let handed = run.line("main: leaving it to the porter")?;
    if handed.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] main: leaving it to the porter, after 1 s at the door; got {handed}"
        ));
    }
    if run.tripped() {
        return Err(
            "the program hung: the courier delivered at 2.000s and called the waker it found, \
             but the porter's task was never polled again. Which task's waker was in the slot?"
                .to_string(),
        );
    }
    let signed = run.line("porter: signed for the parcel")?;
    if signed.time() != "2.000s" {
        return Err(format!(
            "expected [2.000s] porter: signed for the parcel, as soon as it is delivered; got {signed}"
        ));
    }
    let done = run.line("main: done")?;
    if done.time() != "2.000s" {
        return Err(format!("expected [2.000s] main: done; got {done}"));
    }
    Ok(())
}
