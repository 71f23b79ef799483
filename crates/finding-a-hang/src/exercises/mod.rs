//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod endless_heartbeat;
pub mod endless_heartbeat_solution;
pub mod quiet_shipper;

/// `endless-heartbeat` is fixed when the collector finishes as soon as the
/// last download is in, at `3.000s`, with all three downloads, and the
/// program's own tripwire never fires.
pub fn endless_heartbeat(run: &Recording) -> Result<(), String> {
    if let Ok(tripped) = run.line("tripwire:") {
        return Err(format!(
            "the collector was still waiting when the 5 s tripwire fired: {tripped}. Its recv() \
             returns None only once every Sender is gone, and the heartbeat still holds one"
        ));
    }
    if run.tripped() {
        return Err("the run never ended: the kit's 60 s tripwire stopped it".to_string());
    }
    let all_in = run.line("collector: all 3 downloads in")?;
    if all_in.time() != "3.000s" {
        return Err(format!(
            "expected the collector to finish at 3.000s, when c.iso is in; got {all_in}"
        ));
    }
    Ok(())
}
