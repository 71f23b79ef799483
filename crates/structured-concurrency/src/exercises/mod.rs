//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod stuck_heartbeat;
pub mod stuck_heartbeat_solution;
pub mod voided_label;

/// `stuck-heartbeat` is fixed when the run finishes before the tripwire,
/// the heartbeat still pings at `0.400s` while the backup holds the one
/// connection (so neither the heartbeat nor the pool's size was changed),
/// and the report is stored by `1.500s` and reported uploaded. Whether a
/// ping reaches the database before `main` returns is left open: a ping
/// spawned as a task, or raced in the same `select!`, is a good fix too.
pub fn stuck_heartbeat(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err(
            "the service did not finish: it was still running at the 60 s tripwire, though the \
             backup gave the connection back at 1.000s"
                .to_string(),
        );
    }
    let beat = run.line("heartbeat: pinging").map_err(|_| {
        "the heartbeat never pinged at 0.400s: keep it (it is the service's health check), and \
         keep the pool of one connection, which the backup holds until 1.000s"
            .to_string()
    })?;
    if beat.time() != "0.400s" {
        return Err(format!(
            "expected [0.400s] heartbeat: pinging, while the backup holds the one connection; got \
             {beat}. Keep the heartbeat's 0.4 s and the pool of one connection"
        ));
    }
    let stored = run.line("upload: report stored")?;
    if stored.at.as_secs_f64() > 1.5 {
        return Err(format!(
            "expected the report stored soon after the backup is done at 1.000s; got {stored}"
        ));
    }
    run.line("main: report uploaded")?;
    Ok(())
}
