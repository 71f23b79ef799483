//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod stalled_archive;
pub mod stalled_archive_solution;
pub mod zipped_sensors;

/// `stalled-archive` is fixed when no more than 2 downloads run at once,
/// the archive adds its 4 files 0.3 s apart or more (one at a time), and
/// it is done by `2.700s`: the last download's end, plus one file's 0.3 s.
pub fn stalled_archive(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    if run.tripped() {
        return Err("the run hung, and the tripwire stopped it at 60 s".to_string());
    }
    let starts: Vec<_> = lines
        .iter()
        .filter(|l| l.text.contains(": downloading ("))
        .collect();
    for start in &starts {
        let at_once: usize = start
            .text
            .split_once('(')
            .and_then(|(_, rest)| rest.split_once(' '))
            .and_then(|(n, _)| n.parse().ok())
            .ok_or_else(|| format!("cannot read the number of downloads in {start}"))?;
        if at_once > 2 {
            return Err(format!("at most 2 downloads may run at once, but: {start}"));
        }
    }
    let added: Vec<_> = lines
        .iter()
        .filter(|l| l.text.ends_with(" added"))
        .collect();
    if added.len() != 4 {
        return Err(format!(
            "expected four `archive: file-N added` lines; got {}",
            added.len()
        ));
    }
    for pair in added.windows(2) {
        if pair[1].at - pair[0].at < Duration::from_millis(300) {
            return Err(format!(
                "the archive takes one file at a time, 0.3 s each, but two were added less than \
                 0.3 s apart: {} and {}",
                pair[0], pair[1]
            ));
        }
    }
    let done = run.line("archive: 4 files, done")?;
    if done.at > Duration::from_millis(2_700) {
        let when: Vec<_> = starts.iter().map(|l| l.to_string()).collect();
        return Err(format!(
            "the archive was done only at {done}, not by 2.700s. The downloads stall while the \
             archive works; see when each one started:\n  {}",
            when.join("\n  ")
        ));
    }
    Ok(())
}
