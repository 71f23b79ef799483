//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use lesson_kit::Recording;

pub mod print_queue;
pub mod seat_holds;
pub mod seat_holds_solution;

/// `seat-holds` is fixed when both holds expire on time and the actor then
/// stops by itself, so that `main` ends.
pub fn seat_holds(run: &Recording) -> Result<(), String> {
    for (seat, at) in [("12A", "2.000s"), ("12B", "2.500s")] {
        let expired = run.line(&format!("seats: hold on {seat} expired"))?;
        if expired.time() != at {
            return Err(format!(
                "expected [{at}] seats: hold on {seat} expired, 2 s after the hold; got {expired}"
            ));
        }
    }
    let Ok(stopped) = run.line("seats: actor stopped") else {
        return Err(
            "the seats actor never stopped: its recv() never returned None, so some Sender \
             of its mailbox was still alive after the box office closed"
                .to_string(),
        );
    };
    if stopped.time() != "2.500s" {
        return Err(format!(
            "expected [2.500s] seats: actor stopped, once the last reminder is handled; got {stopped}"
        ));
    }
    if run.tripped() {
        return Err("the program was still running at the tripwire".to_string());
    }
    run.line("main: the seats actor has ended")?;
    Ok(())
}
