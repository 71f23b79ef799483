//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod stuck_heartbeat;
pub mod stuck_heartbeat_solution;
pub mod voided_label;

/// `stuck-heartbeat` is fixed when the run does not hang, the report is
/// stored and reported uploaded, and the heartbeat reached the database.
pub fn stuck_heartbeat(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err(
            "the service hung: nothing happened until the 60 s tripwire, though the backup gave \
             the connection back at 1.000s"
                .to_string(),
        );
    }
    let stored = run.line("upload: report stored")?;
    if stored.at.as_secs_f64() > 1.5 {
        return Err(format!(
            "expected the report stored soon after the backup is done at 1.000s; got {stored}"
        ));
    }
    run.line("main: report uploaded")?;
    run.line("ping: database alive").map_err(|_| {
        "the heartbeat never reached the database: keep the ping, it is the service's health check"
            .to_string()
    })?;
    Ok(())
}
