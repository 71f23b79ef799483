//! `threads`: one OS thread per request, each blocked in `thread::sleep`,
//! then all joined. No runtime at all. Its threads really sleep, in the
//! tests too (it imports `std::thread` in view), so `main` waits 1 ms.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-a-million-tasks -- threads`.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// ANCHOR: threads
use std::thread;
use std::time::Duration;

fn request(wait: Duration) {
    // Blocks this thread, and only this one.
    thread::sleep(wait);
}

/// Returns how many requests ran: fewer than `n` if the OS refused a thread.
pub fn requests(n: usize, wait: Duration) -> usize {
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
    done
}

// ANCHOR_END: threads
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: threads
fn main() {
    // ANCHOR_END: threads
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: threads
    // 1 ms waits: the threads really sleep, and the program prints only
    // the count; the benchmark times `requests` with 1 s waits.
    let done = requests(100, Duration::from_millis(1));
    say!("{done} requests done");
}
// ANCHOR_END: threads

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
