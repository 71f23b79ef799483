//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod paused_upload;
pub mod torn_readings;
pub mod torn_readings_solution;

/// `torn-readings` is fixed when the reader gets the three readings whole,
/// each when its line is complete, and still beats at `0.800s`, `1.600s`
/// and `2.400s`.
pub fn torn_readings(run: &Recording) -> Result<(), String> {
    let got: Vec<_> = run
        .lines()
        .into_iter()
        .filter(|l| l.text.starts_with("reader: got "))
        .collect();
    let expected = [
        ("kitchen: 21.5 °C", "1.000s"),
        ("cellar: 12.0 °C", "2.000s"),
        ("attic: 25.1 °C", "3.000s"),
    ];
    for (i, (reading, due)) in expected.into_iter().enumerate() {
        let wanted = format!("reader: got {reading:?}");
        match got.get(i) {
            Some(line) if line.text == wanted && line.time() == due => {}
            Some(line) => {
                let torn = line
                    .text
                    .strip_prefix("reader: got ")
                    .and_then(|got| got.strip_prefix('"')?.strip_suffix('"'))
                    .is_some_and(|got| got != reading && reading.ends_with(got));
                let why = if torn {
                    ": the start of the line was lost, dropped with the read that held it \
                     when the heartbeat won"
                } else {
                    ""
                };
                return Err(format!(
                    "expected [{due}] {wanted}, the whole line as soon as its second half came; \
                     got {line}{why}"
                ));
            }
            None => {
                return Err(format!(
                    "expected [{due}] {wanted}, but the reader got only {} readings",
                    got.len()
                ));
            }
        }
    }
    let beats: Vec<String> = run
        .lines()
        .into_iter()
        .filter(|l| l.text == "reader: heartbeat")
        .map(|l| l.time())
        .collect();
    for due in ["0.800s", "1.600s", "2.400s"] {
        if !beats.iter().any(|at| at == due) {
            return Err(format!(
                "expected a heartbeat at {due}, one every 0.8 s while the reader waits; \
                 the heartbeats came at [{}]",
                beats.join(", ")
            ));
        }
    }
    Ok(())
}
