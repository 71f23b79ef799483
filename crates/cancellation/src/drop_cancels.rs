//! `drop-cancels`: a future is cancelled by dropping it, and only then.
//! The upload is paused at its `.await` while `main` waits for the user;
//! when `main` drops it, it stops right there: the guard's `Drop` says
//! which part was in flight, and no line after that `.await` ever runs.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: drop_cancels
/// Says, when dropped before `finish()`, what was cut off: a destructor
/// is the only code of a future that runs when it is cancelled.
struct InFlight {
    what: String,
    finished: bool,
}

impl InFlight {
    fn start(what: String) -> Self {
        say!("{what}: sending");
        InFlight {
            what,
            finished: false,
        }
    }

    fn finish(mut self) {
        say!("{}: sent", self.what);
        self.finished = true;
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if !self.finished {
            say!("{}: cancelled here, never sent", self.what);
        }
    }
}

async fn upload(file: &str) {
    for part in 1..=4 {
        let part = InFlight::start(format!("{file} part {part}"));
        // Each part takes 1 s on the network. If the future is dropped
        // while paused here, `part` is dropped with it.
        tokio::time::sleep(Duration::from_secs(1)).await;
        part.finish();
    }
    say!("{file}: upload complete");
}

pub async fn run() {
    // Boxed so that `main` owns the future and can drop it when it wants.
    let mut upload = Box::pin(upload("video.mp4").lane("upload"));
    // Races the upload against the user's cancel button (at 2.5 s). The
    // branch polls `&mut upload`: losing the race drops the reference,
    // not the upload, which stays paused at its `.await`. (`biased;`
    // polls the branches in order, so the timeline is the same every run.)
    tokio::select! {
        biased;
        () = &mut upload => say!("main: upload finished"),
        () = tokio::time::sleep(Duration::from_millis(2500)) => {
            say!("main: the user pressed cancel");
        }
    }
    say!("main: the upload is paused, not cancelled; dropping it now");
    // This is the cancellation: the future's state, its guard included,
    // is destroyed, and nothing will ever poll it again.
    drop(upload);
    say!("main: dropped");
}
// ANCHOR_END: drop_cancels
