//! `normal-function`: the notebook's plain function. It blocks the thread
//! for 3 s between its two lines, and nothing else can run meanwhile.

use std::time::Duration;

use lesson_kit::{blocking_sleep, say};

// ANCHOR: normal_function
fn normal_function() {
    say!("Normal function started");
    // Blocks the whole thread for 3 s, like `time.sleep(3)`: while it
    // sleeps, everything else on this thread stops.
    blocking_sleep(Duration::from_secs(3));
    say!("Normal function finished");
}

pub fn run() {
    // A plain call runs the body at once, to the end, before returning.
    normal_function();
}
// ANCHOR_END: normal_function
