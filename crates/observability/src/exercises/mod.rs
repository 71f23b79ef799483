//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod receipt_email;
pub mod receipt_email_solution;
pub mod refund_spans;

/// `receipt-email` is fixed when each order's `receipt emailed` line is in
/// that order's span, and comes after that order's `order done` line (the
/// order does not wait for its email): one receipt for order 7, one for
/// order 8.
pub fn receipt_email(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    let receipts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].text.ends_with("receipt emailed"))
        .collect();
    for id in [7, 8] {
        let span = format!("order{{id={id} ");
        let mine: Vec<usize> = receipts
            .iter()
            .copied()
            .filter(|&i| lines[i].text.starts_with(&span))
            .collect();
        let [receipt] = mine[..] else {
            let got = if receipts.is_empty() {
                "no `receipt emailed` line at all".to_string()
            } else {
                receipts
                    .iter()
                    .map(|&i| format!("`{}`", lines[i]))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(format!(
                "expected one `receipt emailed` line in order {id}'s span, starting `order{{id={id} ...}}:`; \
                 got {got}. A spawned task starts in no span: what carries the order's span onto it, \
                 at each of its polls?"
            ));
        };
        let Some(done) = lines
            .iter()
            .position(|line| line.text.starts_with(&span) && line.text.ends_with("order done"))
        else {
            return Err(format!(
                "expected an `order done` line in order {id}'s span, then its receipt; there is none"
            ));
        };
        if receipt < done {
            return Err(format!(
                "expected order {id}'s receipt after its `order done` line: the order should not wait \
                 for the mail server; got `{}` before `{}`. Keep the email on a task of its own.",
                lines[receipt], lines[done]
            ));
        }
    }
    Ok(())
}
