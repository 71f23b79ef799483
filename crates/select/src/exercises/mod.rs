//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod abandoned_download;
pub mod abandoned_download_solution;
pub mod courier_race;

/// `abandoned-download` is fixed when the losing mirror never finishes its
/// download, and the winner is still used at `1.000s`.
pub fn abandoned_download(run: &Recording) -> Result<(), String> {
    let using = run.line("installer: using")?;
    if using.text != "installer: using mirror-us" || using.time() != "1.000s" {
        return Err(format!(
            "expected [1.000s] installer: using mirror-us, the faster mirror as soon as it is done; got {using}"
        ));
    }
    if let Ok(loser) = run.line("mirror-eu: download finished") {
        return Err(format!(
            "the losing mirror still finished its download after the race was decided: {loser}. \
             Dropping a JoinHandle does not stop its task."
        ));
    }
    run.line("installer: done")?;
    Ok(())
}
