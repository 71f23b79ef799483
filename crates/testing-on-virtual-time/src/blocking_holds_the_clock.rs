//! Pitfall 1: while a `spawn_blocking` task is in flight, a paused clock
//! does not auto-advance. A reminder due in 10 ms waits for 50 ms of real
//! work on the blocking pool, so on the paused clock it comes *after* the
//! work, at `0.010s`; on the real clock it would come first.
//!
//! Run it: `cargo run -p lesson-testing-on-virtual-time --
//! blocking-holds-the-clock`.

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

// ANCHOR: blocking_holds_the_clock
use std::thread;
use std::time::Duration;

// ANCHOR_END: blocking_holds_the_clock
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: blocking_holds_the_clock
async fn reminder() {
    // A timer: with nothing else to do, the paused clock jumps to it.
    tokio::time::sleep(Duration::from_millis(10)).await;
    say!("reminder: 10 ms are up");
}

// ANCHOR_END: blocking_holds_the_clock
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: blocking_holds_the_clock
fn write_report() {
    // 50 ms of real work, as writing a report to disk would be.
    thread::sleep(Duration::from_millis(50));
    say!("report: written, after 50 ms of real time");
}

// ANCHOR_END: blocking_holds_the_clock
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: blocking_holds_the_clock
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR_END: blocking_holds_the_clock
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: blocking_holds_the_clock
    let reminder = tokio::spawn(reminder());
    // On the blocking pool, a thread of its own.
    let report = tokio::task::spawn_blocking(write_report);
    // Waits for the blocking task: while it runs, the clock stays put.
    report.await.expect("the report does not panic");
    say!("main: report done");
    reminder.await.expect("the reminder does not panic");
}
// ANCHOR_END: blocking_holds_the_clock

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}

#[cfg(test)]
mod tests {
    // ANCHOR: tests
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    use tokio::time::Instant;

    // The blocking task waits for a message that a thread of the test
    // sends after 100 ms of real time: what the clock does meanwhile is
    // then certain, not a race.
    #[tokio::test(start_paused = true)]
    async fn a_blocking_task_in_flight_stops_auto_advance() {
        let start = Instant::now();
        let fired = Arc::new(AtomicBool::new(false));
        let reminder = tokio::spawn({
            let fired = fired.clone();
            async move {
                tokio::time::sleep(Duration::from_millis(10)).await;
                fired.store(true, Ordering::SeqCst);
            }
        });
        let (release, gate) = mpsc::channel();
        let job = tokio::task::spawn_blocking(move || gate.recv().unwrap());
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            // Whether the 10 ms timer fired in those 100 ms of real time.
            release.send(fired.load(Ordering::SeqCst)).unwrap();
        });
        let fired_while_blocking = job.await.unwrap();
        assert!(!fired_while_blocking, "the timer fired during the job");
        assert_eq!(start.elapsed(), Duration::ZERO);
        // Once the job is done, auto-advance is back: the timer fires.
        reminder.await.unwrap();
        assert_eq!(start.elapsed(), Duration::from_millis(10));
    }
    // ANCHOR_END: tests
}
