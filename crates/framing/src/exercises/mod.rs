//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod sensor_frames;
pub mod slow_teller;
pub mod slow_teller_solution;

/// `slow-teller` is fixed when the server pays `PAY bob 1000`, whole, at
/// `0.200s`, and nothing else, and still logs the slow line at `0.150s`.
pub fn slow_teller(run: &Recording) -> Result<(), String> {
    let lines = run.lines();
    let payments: Vec<_> = lines
        .iter()
        .filter(|l| l.text.starts_with("server: payment"))
        .collect();
    let whole = "server: payment \"PAY bob 1000\"";
    match payments.as_slice() {
        [one] if one.text == whole && one.time() == "0.200s" => {}
        [] => {
            return Err(format!(
                "expected [0.200s] {whole}, when the last piece arrives; the server paid nothing"
            ));
        }
        _ => {
            let paid: Vec<String> = payments.iter().map(|l| l.to_string()).collect();
            return Err(format!(
                "expected one payment, [0.200s] {whole}; got {}. The bytes the server had read \
                 before the warning were lost when select! dropped the read.",
                paid.join(", ")
            ));
        }
    }
    let warning = run.line("server: 150 ms without a whole line")?;
    if warning.time() != "0.150s" {
        return Err(format!(
            "expected the warning about the slow line at 0.150s, as before; got {warning}"
        ));
    }
    run.line("server: end of stream")?;
    Ok(())
}
