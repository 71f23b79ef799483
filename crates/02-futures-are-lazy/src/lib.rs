//! Lesson 02: futures are lazy.
//!
//! A plain function runs when called (`normal-function`). Calling an
//! `async fn` only builds a future; it runs when awaited (`coroutine`,
//! `lazy`); one that is dropped never runs (`never-awaited`), and `rustc`
//! warns about it at compile time (see `fixtures/never_awaited.rs` and the
//! test below). `tokio::spawn` is the
//! eager one: the runtime starts the task at the spawner's next `.await`
//! (`spawn-is-eager`).
//!
//! Run it: `cargo run -p lesson-02-futures-are-lazy`.

use lesson_kit::Program;

pub mod coroutine;
pub mod lazy;
pub mod never_awaited;
pub mod normal_function;
pub mod spawn_is_eager;

/// The programs of this lesson, in the order `cargo run` shows them.
pub fn programs() -> Vec<Program> {
    vec![
        Program::blocking("normal-function", "normal_function()", normal_function::run),
        Program::tokio("coroutine", "coroutine(\"Alice\", 2).await", coroutine::run),
        Program::tokio("lazy", "let f = coroutine(..); ...; f.await", lazy::run),
        Program::tokio("never-awaited", "drop(coroutine(..))", never_awaited::run).python_differs(
            "Python warns at run time that the coroutine was never awaited; Rust warns at compile time",
        ),
        Program::tokio("spawn-is-eager", "tokio::spawn(download(..))", spawn_is_eager::run),
    ]
}

lesson_kit::snapshot_tests!(programs);

/// What `rustc` says about a future that is never awaited: it compiles
/// `fixtures/never_awaited.rs` and locks the warning in
/// `fixtures/never-awaited.snap`.
#[cfg(test)]
mod rustc_warns {
    use std::path::Path;
    use std::process::Command;

    #[test]
    fn a_future_never_awaited_is_a_warning() {
        let lesson_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out_dir = std::env::temp_dir().join(format!("never-awaited-{}", std::process::id()));
        std::fs::create_dir_all(&out_dir).expect("the temporary folder is writable");
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        // A relative path and a fixed folder, so the message names
        // `fixtures/never_awaited.rs` wherever the workspace lives.
        let output = Command::new(&rustc)
            .current_dir(lesson_dir)
            .args([
                "--edition",
                "2024",
                "--crate-type",
                "lib",
                "--emit=metadata",
            ])
            .args(["--color", "never", "--out-dir"])
            .arg(&out_dir)
            .arg("fixtures/never_awaited.rs")
            .output()
            .unwrap_or_else(|e| panic!("cannot run `{rustc}`: {e}"));
        let _ = std::fs::remove_dir_all(&out_dir);
        assert!(
            output.status.success(),
            "a warning does not fail the build:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            omit_expression => true,
            snapshot_path => "../fixtures",
        }, {
            insta::assert_snapshot!("never-awaited", stderr.trim_end());
        });
    }
}
