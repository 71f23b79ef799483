//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod freezer_count;
pub mod stranded_report;
pub mod stranded_report_solution;

/// `stranded-report` is fixed when the report runs as a task beside
/// `main` (its four shelves take 1 s; `main`'s own half second of work
/// is done at `0.500s` meanwhile) and `main` files it at `1.000s`,
/// instead of waiting until the tripwire stops the run.
pub fn stranded_report(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err(
            "the run hung: main waited for the report's JoinHandle, and the report never ran. \
             A task spawned on a LocalSet runs only while that LocalSet is driven"
                .into(),
        );
    }
    let restocked = run.line("main: aisle 3 restocked")?;
    if restocked.time() != "0.500s" {
        return Err(format!(
            "expected main's own work done at 0.500s, while the report runs; got {restocked}. \
             The report must run as a task beside main, not before or after it"
        ));
    }
    let report = run.line("report: ")?;
    if report.time() != "1.000s" {
        return Err(format!(
            "expected the report to total its 4 shelves by 1.000s; got {report}"
        ));
    }
    let filed = run.line("main: report filed")?;
    if filed.time() != "1.000s" || !filed.text.contains("54 items") {
        return Err(format!(
            "expected [1.000s] main: report filed, 54 items, as soon as the report is done; got {filed}"
        ));
    }
    Ok(())
}
