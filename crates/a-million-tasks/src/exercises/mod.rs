//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod packing_budget;
pub mod waiting_tasks;
pub mod waiting_tasks_solution;

/// `waiting-tasks` is fixed when no request is sent while more than 3
/// tasks are alive, and the 8 answers are in by `1.200s`: three at a time,
/// each starting as soon as one ends.
pub fn waiting_tasks(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    let sent: Vec<_> = lines
        .iter()
        .filter(|l| l.text.contains(": sent ("))
        .collect();
    if sent.len() != 8 {
        return Err(format!(
            "expected eight `sent` lines, one per request; got {}",
            sent.len()
        ));
    }
    for line in &sent {
        let alive: usize = line
            .text
            .split_once('(')
            .and_then(|(_, rest)| rest.split_once(' '))
            .and_then(|(n, _)| n.parse().ok())
            .ok_or_else(|| format!("cannot read the number of tasks alive in {line}"))?;
        if alive > 3 {
            return Err(format!(
                "at most 3 tasks may be alive at once, but: {line}. The tasks that wait for a \
                 permit are alive too."
            ));
        }
    }
    let done = run.line("all 8 requests answered")?;
    if done.at > Duration::from_millis(1_200) {
        return Err(format!(
            "at most 3 tasks now, but slower than it needs to be: {done}. Three at a time, each \
             request starting as soon as one ends, all eight are answered at 1.200s."
        ));
    }
    Ok(())
}
