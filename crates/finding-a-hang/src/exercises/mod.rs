//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod early_printout;
pub mod endless_heartbeat;
pub mod endless_heartbeat_solution;

/// `endless-heartbeat` is fixed when the collector finishes as soon as the
/// last download is in, at `3.000s`, with all three downloads and the
/// heartbeat still beating until then, and the program's own watchdog
/// never fires.
pub fn endless_heartbeat(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err("the run never ended: the kit's 60 s tripwire stopped it".to_string());
    }
    if let Ok(fired) = run.line("watchdog:") {
        return Err(format!(
            "the collector was still waiting when the program's 5 s watchdog fired: {fired}. \
             Its recv() returns None only once every Sender is gone, and the heartbeat still \
             holds one"
        ));
    }
    let all_in = run.line("collector: all 3 downloads in")?;
    if all_in.time() != "3.000s" {
        return Err(format!(
            "expected the collector to finish at 3.000s, when c.iso is in; got {all_in}"
        ));
    }
    let beats = all_in
        .text
        .rsplit_once(", ")
        .and_then(|(_, rest)| rest.strip_suffix(" heartbeats"))
        .and_then(|n| n.parse::<u32>().ok());
    match beats {
        Some(0) => Err(format!(
            "the collector finished on time, but with no heartbeat: {all_in}. The heartbeat \
             should still tell the collector every 0.7 s that the downloader is alive; keep it, \
             and let it stop keeping the channel open"
        )),
        Some(_) => Ok(()),
        None => Err(format!(
            "expected the line to end with the number of heartbeats, as in \
             \"collector: all 3 downloads in, 4 heartbeats\"; got {all_in}"
        )),
    }
}
