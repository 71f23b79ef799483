//! Cancellation.
//!
//! `drop-cancels`: dropping a future cancels it where it is paused, at an
//! `.await`; a guard's `Drop` shows where (Python instead raises
//! `CancelledError` inside the coroutine). `cancel-unsafe`: a real bug,
//! `read_exact` in a `select!` loop loses bytes when the timer wins and
//! corrupts the frames that follow; `cancel-safe`: the fix, a buffer
//! outside the loop and the cancel-safe `read_buf`; `kept-read-exact`: the
//! other fix, one read that owns the reader, kept across the loop's turns.
//! `token`: cooperative
//! cancellation with `CancellationToken`.
//!
//! Run it: `cargo run -p lesson-cancellation`.

use lesson_kit::Program;

mod cancel_safe;
mod cancel_unsafe;
mod drop_cancels;
mod exercises;
mod kept_read_exact;
mod token;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new("drop-cancels", "drop(upload) while it waits", drop_cancels::program)
            .python_differs(
                "Task.cancel() raises CancelledError inside the coroutine, which can still await its cleanup; a dropped Rust future runs only destructors",
            ),
        Program::new(
            "cancel-unsafe",
            "select! { read_exact(&mut frame), sleep(0.7 s) } in a loop: bytes lost",
            cancel_unsafe::program,
        )
        .python_differs(
            "asyncio's StreamReader buffers what arrived and readexactly takes bytes only once the whole frame is there, so its wait_for loop loses nothing",
        ),
        Program::new(
            "cancel-safe",
            "select! { read_buf(&mut pending), sleep(0.7 s) } in a loop",
            cancel_safe::program,
        ),
        Program::new(
            "kept-read-exact",
            "one read_frame(reader) kept across the loop, polled as &mut read",
            kept_read_exact::program,
        ),
        Program::new("token", "CancellationToken: ask tasks to stop", token::program),
        // The exercises at the end of the chapter.
        Program::predict(
            "paused-upload",
            "an upload loses a select!, waits unpolled, then is awaited again",
            exercises::paused_upload::program,
        ),
        Program::fix(
            "torn-readings",
            "select! { read_line(&mut line), heartbeat.tick() } in a loop: half lines lost",
            exercises::torn_readings::program,
            exercises::torn_readings_solution::program,
            exercises::torn_readings,
        ),
    ]
}

/// The chapter says asyncio's `readexactly` loop (`python/cancel-unsafe.py`)
/// prints what the *fixed* Rust reader prints: checked here.
#[cfg(test)]
mod python_reader {
    #[test]
    fn asyncio_readexactly_prints_what_the_cancel_safe_reader_prints() {
        let lesson_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let python = std::fs::read_to_string(lesson_dir.join("python/cancel-unsafe.out"))
            .expect("python/cancel-unsafe.out exists (`cargo xtask python --bless`)");
        let programs = super::programs();
        let fixed = programs
            .iter()
            .find(|p| p.name == "cancel-safe")
            .expect("the lesson has a cancel-safe program");
        let rust = lesson_kit::without_timestamps(&lesson_kit::record(fixed));
        assert_eq!(python.trim_end(), rust.trim_end());
    }
}

/// The two fixes of the chapter print the same lines.
#[cfg(test)]
mod two_fixes {
    /// The chapter says the kept `read_exact` prints what the `read_buf`
    /// reader prints, timestamps included: checked here.
    #[test]
    fn the_kept_read_exact_prints_what_the_read_buf_reader_prints() {
        let programs = super::programs();
        let named = |name: &str| {
            let program = programs
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("the lesson has a {name} program"));
            lesson_kit::record(program)
        };
        assert_eq!(named("kept-read-exact"), named("cancel-safe"));
    }
}
