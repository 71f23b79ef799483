//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod stuck_upload;
pub mod stuck_upload_solution;
pub mod till_orders;

/// `stuck-upload` is fixed when the run ends by itself with the uploader
/// holding its receipt for the whole report (28 bytes).
pub fn stuck_upload(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        return Err(
            "the program hung: the archive was still waiting for the end of the upload while the \
             uploader waited for its receipt, until the 60 s tripwire stopped the run. The archive's \
             read_to_end returns only when the uploader says it has nothing more to send."
                .into(),
        );
    }
    let receipt = run.line("uploader: receipt")?;
    if receipt.text != "uploader: receipt \"stored 28 bytes\"" {
        return Err(format!(
            "expected the uploader to read the receipt \"stored 28 bytes\", for both parts of the report; got {receipt}"
        ));
    }
    Ok(())
}
