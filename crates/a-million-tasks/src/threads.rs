//! `threads`: one OS thread per request, each blocked in `thread::sleep`
//! for 1 s, then all joined. No runtime at all.

use std::thread;
use std::time::Duration;

use lesson_kit::say;

// ANCHOR: threads
fn request(wait: Duration) {
    // Blocks this thread, and only this one.
    thread::sleep(wait);
}

/// Returns how many requests ran: fewer than `n` if the OS refused a thread.
pub fn run(n: usize, wait: Duration) -> usize {
    let mut handles = Vec::with_capacity(n);
    for i in 0..n {
        // `thread::spawn` panics when the OS refuses a thread;
        // `Builder::spawn` returns the error instead.
        match thread::Builder::new().spawn(move || request(wait)) {
            Ok(handle) => handles.push(handle),
            Err(error) => {
                say!("the OS refused thread {}: {error}", i + 1);
                break;
            }
        }
    }
    let done = handles.len();
    for handle in handles {
        handle.join().expect("a request panicked");
    }
    say!("{done} requests done");
    done
}
// ANCHOR_END: threads
