//! The lesson's checks recorded on tokio itself (the kit's paused
//! `current_thread` runtime, as every chapter's snapshot is), so that
//! `tests/part_one.rs` can hold this lesson's executor to them: each file
//! under `tests/pins/` is compiled here against the real `tokio` and
//! `lesson_kit`, and there against the executor.

#[path = "pins/ovens.rs"]
mod ovens;

#[test]
fn ovens_on_tokio() {
    let program = lesson_kit::Program::new(
        "ovens",
        "timers due at the same instant, main's among them",
        ovens::program,
    );
    let transcript = lesson_kit::record(&program);
    insta::with_settings!({
        prepend_module_to_snapshot => false,
        omit_expression => true,
        snapshot_path => "pins/snapshots",
    }, {
        insta::assert_snapshot!("ovens", transcript);
    });
}
