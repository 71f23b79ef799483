//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod big_report;
pub mod unlimited_uploads;
pub mod unlimited_uploads_solution;

/// `unlimited-uploads` is fixed when no upload starts while 2 are in
/// flight, and all six are done by `0.900s`, the time two at once take
/// when each starts as soon as a slot is free.
pub fn unlimited_uploads(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    let starts: Vec<_> = lines
        .iter()
        .filter(|l| l.text.contains(": uploading ("))
        .collect();
    if starts.len() != 6 {
        return Err(format!(
            "expected six `uploading` lines, one per photo; got {}",
            starts.len()
        ));
    }
    for start in &starts {
        let in_flight: usize = start
            .text
            .split_once('(')
            .and_then(|(_, rest)| rest.split_once(' '))
            .and_then(|(n, _)| n.parse().ok())
            .ok_or_else(|| format!("cannot read the number in flight in {start}"))?;
        if in_flight > 2 {
            return Err(format!(
                "the service takes at most 2 uploads at once, but the run had more: {start}"
            ));
        }
    }
    let done = run.line("all 6 photos uploaded")?;
    if done.at.as_millis() > 900 {
        return Err(format!(
            "at most 2 at once now, but slower than it needs to be: {done}. With a new upload \
             starting as soon as one ends, all six are done at 0.900s."
        ));
    }
    Ok(())
}
