//! What rustc says about a fixture: for lessons whose point is a compiler
//! message (a future never awaited, a borrow a task cannot hold, a guard
//! held across `.await`). The message is locked by an insta snapshot with
//! [`rustc_snapshot!`](crate::rustc_snapshot), so it cannot drift silently.

use std::path::Path;
use std::process::Command;

/// Whether the fixture is expected to compile (with warnings) or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// It compiles; the message is a warning.
    Compiles,
    /// rustc rejects it; the message is the error.
    Fails,
}

/// Runs `rustc` (or `$RUSTC`) on `fixture`, a std-only file relative to
/// `lesson_dir`, as an edition 2024 library, and returns what it printed.
/// The path is passed as written, so the message names `fixtures/x.rs`
/// wherever the workspace lives.
pub fn rustc_stderr(lesson_dir: &Path, fixture: &str, expect: Expect) -> String {
    let stem = Path::new(fixture)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let out_dir = std::env::temp_dir().join(format!("rustc-{stem}-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("the temporary folder is writable");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
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
        .arg(fixture)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{rustc}`: {e}"));
    let _ = std::fs::remove_dir_all(&out_dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    match expect {
        Expect::Compiles => assert!(
            output.status.success(),
            "{fixture} must compile (with a warning), yet rustc rejected it:\n{stderr}"
        ),
        Expect::Fails => assert!(
            !output.status.success(),
            "{fixture} must not compile, yet rustc accepted it"
        ),
    }
    stderr.trim_end().to_string()
}

/// Locks rustc's message about `fixtures/<file>` in the snapshot
/// `fixtures/<name>.snap`, beside the fixture (the chapter includes both):
/// `lesson_kit::rustc_snapshot!("never-awaited", "fixtures/never_awaited.rs", Compiles);`
#[macro_export]
macro_rules! rustc_snapshot {
    ($name:literal, $fixture:literal, $expect:ident) => {
        let lesson_dir = $crate::lesson_dir(env!("CARGO_PKG_NAME"));
        let stderr = $crate::rustc::rustc_stderr(
            &lesson_dir,
            $fixture,
            $crate::rustc::Expect::$expect,
        );
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            omit_expression => true,
            snapshot_path => lesson_dir.join("fixtures"),
        }, {
            insta::assert_snapshot!($name, stderr);
        });
    };
}
