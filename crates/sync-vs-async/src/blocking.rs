//! `blocking`: two plain functions, one after the other; the first blocks
//! the thread for 3 s, so the second can only start after it.

use std::time::Duration;

use lesson_kit::{blocking_sleep, lane, say};

// ANCHOR: blocking
fn task1() {
    // Blocks this thread for 3 s, like Python's `time.sleep(3)`:
    // nothing else can run on it meanwhile.
    blocking_sleep(Duration::from_secs(3));
    say!("Task 1 finished");
}

fn task2() {
    say!("Task 2 finished");
}

pub fn run() {
    // `lane(..)` calls the function and names it in the timeline below.
    lane("task1", task1); // returns only after its 3 s
    lane("task2", task2);
}
// ANCHOR_END: blocking
