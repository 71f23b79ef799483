//! Pin and Unpin.
//!
//! `pin-macro`: an async block that borrows its own variable across an
//! `.await` must not move once polled; `std::pin::pin!` pins it, and the
//! pinned future keeps its progress between a timeout and a later
//! `.await`. `box-pin-move`: `Box::pin` pins it on the heap, and the box
//! can move (into a spawned task) while the future stays put.
//! `select-pinned`: `tokio::pin!` and `&mut` in a `select!` loop, so a
//! download is resumed, not restarted, each time a ticker wins a turn.
//! rustc's "cannot be unpinned" without the pin is locked from
//! `fixtures/select_by_reference.rs`.
//!
//! Run it: `cargo run -p lesson-pin-and-unpin`.

use lesson_kit::Program;

mod box_pin_move;
mod exercises;
mod pin_macro;
mod select_pinned;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "pin-macro",
            "pin!(a self-borrowing async block): polled, then awaited",
            pin_macro::program,
        ),
        Program::new(
            "box-pin-move",
            "Box::pin(download): polled by main, finished by a task",
            box_pin_move::program,
        ),
        Program::new(
            "select-pinned",
            "loop { select! { &mut pinned_download, ticker.tick() } }",
            select_pinned::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "paused-download",
            "a pinned download: timed out, left alone, awaited",
            exercises::paused_download::program,
        ),
        Program::fix(
            "restarted-backup",
            "select! { upload(..) => .. } in a loop: restarted every turn",
            exercises::restarted_backup::program,
            exercises::restarted_backup_solution::program,
            exercises::restarted_backup,
        ),
    ]
}

/// What `rustc` says when a `select!` loop takes an unpinned `async fn`
/// future by `&mut`: it compiles `fixtures/select_by_reference.rs` (std
/// only: `select!`'s `IntoFuture::into_future` on each branch) and locks
/// the error in `fixtures/select-by-reference.snap`.
#[cfg(test)]
mod rustc_refuses {
    #[test]
    fn a_future_polled_by_reference_must_be_unpin() {
        lesson_kit::rustc_snapshot!(
            "select-by-reference",
            "fixtures/select_by_reference.rs",
            Fails
        );
    }
}
