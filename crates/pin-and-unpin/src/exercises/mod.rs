//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod paused_download;
pub mod restarted_backup;
pub mod restarted_backup_solution;

/// `restarted-backup` is fixed when the upload connects once, finishes at
/// `21.000s` (3 parts of 7 s, not restarted), and the ticker reported
/// meanwhile.
pub fn restarted_backup(run: &Recording) -> Result<(), String> {
    let connects = run
        .lines()
        .into_iter()
        .filter(|l| l.text == "backup.tar: connecting")
        .collect::<Vec<_>>();
    if connects.len() > 1 {
        return Err(format!(
            "the upload started over {} times (connecting at {} and {}): each turn of the loop \
             makes a new upload, and the turn the ticker wins drops the old one",
            connects.len() - 1,
            connects[0].time(),
            connects[1].time(),
        ));
    }
    let uploaded = run.line("main: backup.tar uploaded")?;
    if uploaded.time() != "21.000s" {
        return Err(format!(
            "expected [21.000s] main: backup.tar uploaded, 3 parts of 7 s after it started; got {uploaded}"
        ));
    }
    let tick = run.line("main: still uploading")?;
    if tick.time() != "16.000s" {
        return Err(format!(
            "expected the ticker's [16.000s] main: still uploading, during the upload; got {tick}"
        ));
    }
    Ok(())
}
