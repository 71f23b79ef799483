//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod busy_importer;
pub mod busy_importer_solution;
pub mod packing_budget;

/// `busy-importer` is fixed when the heartbeat beats five times, each beat
/// at most 150 ms after the one before (the first, after the start), and
/// the importer has imported its 500 rows by `0.500s`: 500 rows of 1 ms of
/// work each, with no time lost to the yields.
pub fn busy_importer(run: &Recording) -> Result<(), String> {
    let mut previous = Duration::ZERO;
    for beat in 1..=5 {
        let line = run.line(&format!("heartbeat {beat}"))?;
        let gap = line.at.saturating_sub(previous);
        if gap > Duration::from_millis(150) {
            let since = match beat {
                1 => "the start".to_string(),
                _ => format!("heartbeat {}", beat - 1),
            };
            return Err(format!(
                "expected a heartbeat at least every 150 ms while the import runs; got {line}, \
                 {} ms after {since}: the importer's poll held the runtime's only thread, since \
                 each of its `.await`s was ready at once",
                gap.as_millis()
            ));
        }
        previous = line.at;
    }
    let done = run.line("importer: 500 rows imported")?;
    if done.at > Duration::from_millis(500) {
        return Err(format!(
            "the heartbeat keeps its beat now, but the import is slower than it needs to be: \
             {done}. 500 rows of 1 ms each take 0.500s; giving the thread back costs no time, \
             waiting on a timer does."
        ));
    }
    Ok(())
}
