//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod freezer_count;
pub mod stranded_report;
pub mod stranded_report_solution;

/// `stranded-report` is fixed when the report runs (its four shelves take
/// 1 s) and `main` files it at `1.000s`, instead of waiting until the
/// tripwire stops the run.
pub fn stranded_report(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err(
            "the run hung: main waited for the report's JoinHandle, and the report never ran. \
             A task spawned on a LocalSet runs only while that LocalSet is driven"
                .into(),
        );
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
