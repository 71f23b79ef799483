//! Lesson 12: shared state.
//!
//! `std-mutex` shares a stock count between tasks with
//! `Arc<std::sync::Mutex<_>>`, locking only between `.await`s.
//! `tokio-mutex` shares a printer whose use spans an `.await`, with
//! `tokio::sync::Mutex`. `rwlock` lets readers in together and makes a
//! writer (and the readers after it) wait. Holding a `std` guard across an
//! `.await` in a spawned task does not compile: `fixtures/guard_across_await.rs`
//! and the test below lock `rustc`'s message.
//!
//! Run it: `cargo run -p lesson-12-shared-state`.

use lesson_kit::Program;

pub mod rwlock;
pub mod std_mutex;
pub mod tokio_mutex;

/// The programs of this lesson, in the order `cargo run` shows them.
pub fn programs() -> Vec<Program> {
    vec![
        Program::tokio(
            "std-mutex",
            "Arc<std::sync::Mutex<_>>, no lock across .await",
            std_mutex::run,
        ),
        Program::tokio(
            "tokio-mutex",
            "tokio::sync::Mutex held across .await",
            tokio_mutex::run,
        ),
        Program::tokio(
            "rwlock",
            "tokio::sync::RwLock: readers together, writer alone",
            rwlock::run,
        ),
    ]
}

lesson_kit::snapshot_tests!(programs);

/// What `rustc` says about a `std::sync::MutexGuard` held across an
/// `.await` in a future that must be `Send`: it compiles
/// `fixtures/guard_across_await.rs` and locks the error in
/// `fixtures/guard-across-await.snap`.
#[cfg(test)]
mod rustc_refuses {
    use std::path::Path;
    use std::process::Command;

    #[test]
    fn a_std_guard_across_await_is_not_send() {
        let lesson_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out_dir =
            std::env::temp_dir().join(format!("guard-across-await-{}", std::process::id()));
        std::fs::create_dir_all(&out_dir).expect("the temporary folder is writable");
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        // A relative path, so the message names `fixtures/...` wherever
        // the workspace lives.
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
            .arg("fixtures/guard_across_await.rs")
            .output()
            .unwrap_or_else(|e| panic!("cannot run `{rustc}`: {e}"));
        let _ = std::fs::remove_dir_all(&out_dir);
        assert!(
            !output.status.success(),
            "the fixture must not compile, yet rustc accepted it"
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            omit_expression => true,
            snapshot_path => "../fixtures",
        }, {
            insta::assert_snapshot!("guard-across-await", stderr.trim_end());
        });
    }
}
