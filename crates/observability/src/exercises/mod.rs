//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod receipt_email;
pub mod receipt_email_solution;
pub mod refund_spans;

/// `receipt-email` is fixed when each order's `receipt emailed` line is in
/// that order's span: one line for order 7, one for order 8.
pub fn receipt_email(run: &Recording) -> Result<(), String> {
    let receipts: Vec<_> = run
        .lines()
        .into_iter()
        .filter(|line| line.text.ends_with("receipt emailed"))
        .collect();
    for id in [7, 8] {
        let span = format!("order{{id={id} ");
        if !receipts.iter().any(|line| line.text.starts_with(&span)) {
            let got = if receipts.is_empty() {
                "no `receipt emailed` line at all".to_string()
            } else {
                receipts
                    .iter()
                    .map(|l| l.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(format!(
                "expected a `receipt emailed` line in order {id}'s span, starting `order{{id={id} ...}}:`; got {got}. \
                 A spawned task starts in no span: what carries the order's span onto it?"
            ));
        }
    }
    Ok(())
}
