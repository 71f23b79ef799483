//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod endless_collector;
pub mod endless_collector_solution;
pub mod packing_closes;

/// `endless-collector` is fixed when the run ends by itself, with the
/// summary of all 4 readings at `1.000s`, right after the last one. (A
/// loop that counts to four passes too: a recording cannot tell why a loop
/// ended, so the exercise asks the reader not to count.)
pub fn endless_collector(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    if run.tripped() {
        let last = lines
            .iter()
            .rev()
            .find(|l| l.text.starts_with("collector:"))
            .map_or_else(|| "nothing".to_string(), |l| l.to_string());
        return Err(format!(
            "the run hung: the collector's last line was {last}, and then `rx.recv()` waited until the \
             tripwire stopped the run at 60 s. `recv()` returns `None` only when every sender is \
             dropped; one is still alive."
        ));
    }
    let summary = run.line("collector: the sensors are done")?;
    if summary.text != "collector: the sensors are done, 4 readings" || summary.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] collector: the sensors are done, 4 readings, as soon as the cellar's \
             second reading is in; got {summary}"
        ));
    }
    Ok(())
}
