//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::Recording;

pub mod hung_carrier;
pub mod hung_carrier_solution;
pub mod late_first_tick;

/// `hung-carrier` is fixed when the run ends by itself, and the checkout
/// names the cheapest quote that came within 2 s, shipfast's, at `2.000s`:
/// slowboat never answers, so a checkout that waits for every quote until
/// the deadline answers exactly then.
pub fn hung_carrier(run: &Recording) -> Result<(), String> {
    if run.tripped() {
        let waiting = run
            .lines()
            .into_iter()
            .rfind(|l| !l.text.starts_with("tripwire:"))
            .map_or_else(|| "nothing".to_string(), |l| l.to_string());
        return Err(format!(
            "the checkout never answered: after 60 s it was still waiting for slowboat, whose \
             quote never comes (the last line before the tripwire: {waiting})"
        ));
    }
    let answer = run.line("checkout:")?;
    if answer.text != "checkout: cheapest is shipfast, 750 cents" {
        return Err(format!(
            "expected `checkout: cheapest is shipfast, 750 cents`, the cheaper of the two quotes \
             that came within 2 s (parcelco's at 0.600s, shipfast's at 1.500s); got {answer}"
        ));
    }
    let deadline = Duration::from_secs(2);
    if answer.at > deadline {
        return Err(format!(
            "the customer waited until {answer}: the checkout should answer 2 s after asking \
             at the latest, whatever the carriers do"
        ));
    }
    if answer.at < deadline {
        return Err(format!(
            "expected the answer at 2.000s, when the time for quotes is up; got {answer}: \
             slowboat could still have quoted a lower price until then. Wait for every \
             quote, with a bound on the wait, not for a fixed number of them"
        ));
    }
    Ok(())
}
