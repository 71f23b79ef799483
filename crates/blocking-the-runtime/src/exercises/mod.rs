//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod blocked_join;
pub mod stalled_logins;
pub mod stalled_logins_solution;

/// `stalled-logins` is fixed when ada's password check begins at `0.000s`,
/// grace and linus resume their sessions at `0.000s`, while it runs, and
/// ada is logged in at `1.000s`.
pub fn stalled_logins(run: &Recording) -> Result<(), String> {
    let checking = run.line("ada: checking the password")?;
    if checking.time() != "0.000s" {
        return Err(format!(
            "expected [0.000s] ada: checking the password, as soon as her request arrived; \
             got {checking}"
        ));
    }
    for user in ["grace", "linus"] {
        let resumed = run.line(&format!("{user}: session resumed"))?;
        if resumed.time() != "0.000s" {
            return Err(format!(
                "expected [0.000s] {user}: session resumed, at once, while ada's password is \
                 checked; got {resumed}: the hashing held the runtime's only thread, and \
                 {user}'s request waited for it"
            ));
        }
    }
    let ada = run.line("ada: logged in")?;
    if ada.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] ada: logged in, after her 1 s of hashing; got {ada}"
        ));
    }
    Ok(())
}
