//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod abandoned_download;
pub mod abandoned_download_solution;
pub mod courier_race;

/// `abandoned-download` is fixed when the losing mirror never finishes its
/// download, the winner is still used at `1.000s`, and the installer still
/// runs its 3 s, to `4.000s` (so the loser had the time to finish, had it
/// run on).
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
    let done = run.line("installer: done")?;
    if done.time() != "4.000s" {
        return Err(format!(
            "expected [4.000s] installer: done, after the installer's 3 s; got {done}. Keep the \
             installer's wait: the losing download must stop even though the program runs on"
        ));
    }
    Ok(())
}
