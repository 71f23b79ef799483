//! The exercises at the end of the chapter: their programs, and the check
//! of the fix-the-bug one. Each file carries the chapter's executor
//! (`src/executor.rs`), copied unchanged (the starter of `lost-wakeup`
//! less one line); the test below keeps the copies equal.

use lesson_kit::Recording;

// Each copy of the executor has functions its program does not call
// (`advance`, for one): allowed here, not in the programs' files.
#[allow(dead_code)]
pub mod loading_dock;
#[allow(dead_code)]
pub mod lost_wakeup;
#[allow(dead_code)]
pub mod lost_wakeup_solution;

/// `lost-wakeup` is fixed when the parcel ships at `1.000s`, the end of its
/// 1 s sleep, and the watchdog never has to give up.
pub fn lost_wakeup(run: &Recording) -> Result<(), String> {
    let shipped = run.line("parcel: shipped").map_err(|_| {
        "expected `parcel: shipped` at 1.000s; it never printed: the parcel task was woken (by its own `yield_now`, or by its timer), but the executor never polled it again (the wake-up was lost), so only the watchdog ended the run".to_string()
    })?;
    if shipped.at.as_secs_f64() != 1.0 {
        return Err(format!(
            "expected `parcel: shipped` at 1.000s, the end of its 1 s sleep; got {shipped}"
        ));
    }
    if let Ok(gave_up) = run.line("the watchdog gives up") {
        return Err(format!(
            "the parcel shipped, but the watchdog still gave up: {gave_up}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The executor's lines in `executor.rs`, `// ANCHOR` markers left out.
    fn executor() -> String {
        let source = include_str!("../executor.rs");
        let start = source.find("// ANCHOR: executor\n").unwrap();
        let end = source.find("// ANCHOR_END: executor").unwrap();
        source[start..end]
            .lines()
            .skip(1)
            .map(|l| format!("{l}\n"))
            .collect()
    }

    fn without_anchors(source: &str) -> String {
        source
            .lines()
            .filter(|l| !l.trim_start().starts_with("// ANCHOR"))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    #[test]
    fn the_exercises_carry_the_chapters_executor() {
        let executor = executor();
        let solution_uses = executor.replace(
            "use std::time::Duration;\n",
            "use std::time::Duration;\n\nuse futures::future::Either;\n",
        );
        let predict = without_anchors(include_str!("loading_dock.rs"));
        assert!(predict.contains(&executor), "loading_dock.rs");
        let solution = without_anchors(include_str!("lost_wakeup_solution.rs"));
        assert!(solution.contains(&solution_uses), "lost_wakeup_solution.rs");
        let bug = "            task.queued.store(false, SeqCst);\n";
        let starter = without_anchors(include_str!("lost_wakeup.rs"));
        assert!(
            starter.contains(&solution_uses.replacen(bug, "", 1)),
            "lost_wakeup.rs: the executor less one line"
        );
    }
}
