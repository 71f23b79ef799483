//! What rustc says about a program that is the lesson's point: a fixture
//! whose warning or error a lesson locks (a future never awaited, a borrow
//! a task cannot hold, a guard held across `.await`), with
//! [`rustc_snapshot!`](crate::rustc_snapshot), so it cannot drift silently;
//! and the book's `compile_fail` blocks ([`compile_fail`], which the
//! book-tests crate calls for each).
//!
//! Every run of rustc is cached on its inputs: the rustc that compiled this
//! kit (its `-vV`, from `build.rs`), the arguments, the source, and the
//! compiled crates it is given. A warm `cargo test` that changed none of
//! them runs no compiler; a change to any one reruns only the checks it
//! touches, and they fail as before if the message or the failure is gone.
//! The cache is `target/<profile>/rustc-cache/`, beside the test binaries.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The rustc that compiled this kit, and its version (from `build.rs`).
const RUSTC: &str = env!("LESSON_KIT_RUSTC");
const RUSTC_VERSION: &str = env!("LESSON_KIT_RUSTC_VERSION");

/// Whether the fixture is expected to compile (with warnings) or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// It compiles; the message is a warning.
    Compiles,
    /// rustc rejects it; the message is the error.
    Fails,
}

/// One run of rustc: whether it compiled, what it printed, and whether
/// this answer came from the cache.
#[derive(Clone, Debug)]
pub struct Run {
    pub compiled: bool,
    pub stderr: String,
    pub cached: bool,
}

/// `target/<profile>/rustc-cache`: the test binaries are in
/// `target/<profile>/deps/`.
fn cache_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("rustc-cache")))
        .unwrap_or_else(|| std::env::temp_dir().join("lesson-kit-rustc-cache"))
}

/// The folder of the test binary, where cargo keeps the compiled crates.
fn deps_dir() -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.to_path_buf())
}

/// Runs `rustc args… source_file` in `dir`, where `source_file` holds
/// `source`, unless a run with the same rustc, arguments and source is on
/// record. `$RUSTC` overrides the compiler (and is part of the key).
fn cached_rustc(dir: &Path, args: &[String], source_file: &str, source: &str) -> Run {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| RUSTC.to_string());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (RUSTC_VERSION, &rustc, args, source_file, source).hash(&mut hasher);
    let key = format!("{:016x}", hasher.finish());
    let entry = cache_dir().join(&key);
    if let Ok(text) = std::fs::read_to_string(&entry)
        && let Some((verdict, stderr)) = text.split_once('\n')
        && (verdict == "compiled" || verdict == "failed")
    {
        return Run {
            compiled: verdict == "compiled",
            stderr: stderr.to_string(),
            cached: true,
        };
    }
    let out_dir = std::env::temp_dir().join(format!("rustc-{key}-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("the temporary folder is writable");
    let output = Command::new(&rustc)
        .current_dir(dir)
        .args(args)
        .args(["--color", "never", "--out-dir"])
        .arg(&out_dir)
        .arg(source_file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{rustc}`: {e}"));
    let _ = std::fs::remove_dir_all(&out_dir);
    let run = Run {
        compiled: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr)
            .trim_end()
            .to_string(),
        cached: false,
    };
    // Written whole, then renamed: a test running beside this one reads
    // either nothing or the whole entry.
    let verdict = if run.compiled { "compiled" } else { "failed" };
    let _ = std::fs::create_dir_all(cache_dir());
    let partial = cache_dir().join(format!("{key}.{}", std::process::id()));
    if std::fs::write(&partial, format!("{verdict}\n{}", run.stderr)).is_ok() {
        let _ = std::fs::rename(&partial, &entry);
    }
    run
}

/// Runs rustc on `fixture`, a std-only file relative to `lesson_dir`, as
/// an edition 2024 library, and returns what it printed (cached: see the
/// module's documentation). The path is passed as written, so the message
/// names `fixtures/x.rs` wherever the workspace lives.
pub fn rustc_stderr(lesson_dir: &Path, fixture: &str, expect: Expect) -> String {
    let source = std::fs::read_to_string(lesson_dir.join(fixture))
        .unwrap_or_else(|e| panic!("cannot read {fixture}: {e}"));
    let args: Vec<String> = [
        "--edition",
        "2024",
        "--crate-type",
        "lib",
        "--emit=metadata",
    ]
    .map(String::from)
    .to_vec();
    let run = cached_rustc(lesson_dir, &args, fixture, &source);
    match expect {
        Expect::Compiles => assert!(
            run.compiled,
            "{fixture} must compile (with a warning), yet rustc rejected it:\n{}",
            run.stderr
        ),
        Expect::Fails => assert!(
            !run.compiled,
            "{fixture} must not compile, yet rustc accepted it"
        ),
    }
    run.stderr
}

/// The crates a `compile_fail` block may use, as the book's readers have
/// them: `--extern name=path` for each one cargo has compiled for the test
/// binary's profile (the newest, if it holds several).
fn externs(deps: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["tokio", "futures", "tokio_util"] {
        let prefix = format!("lib{name}-");
        let newest = std::fs::read_dir(deps)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                let file = e.file_name().to_string_lossy().to_string();
                file.starts_with(&prefix) && file.ends_with(".rlib")
            })
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
        if let Some(entry) = newest {
            out.push("--extern".into());
            out.push(format!("{name}={}", entry.path().display()));
        }
    }
    out
}

/// rustc's errors when it cannot load a crate it was given: a failure that
/// says nothing about the block.
const CANNOT_LOAD: &[&str] = &[
    "E0460", "E0461", "E0462", "E0463", "E0464", "E0514", "E0519",
];

/// Checks that a chapter's `compile_fail` block (at `line` of the expanded
/// `chapter`, `book/src/x.md`) does not compile, as rustdoc would compile it: an edition 2024
/// binary (`fn main` wrapped around it if it has none) with tokio, futures
/// and tokio-util. With `code`, rustc's error must be that one, as rustdoc
/// checks `compile_fail,E0373`. Cached like every run here.
#[track_caller]
pub fn compile_fail(chapter: &str, line: usize, source: &str, code: Option<&str>) {
    let place = format!("{chapter}, the Rust block at line {line} of the expanded chapter");
    let deps = deps_dir().expect("the test binary has a folder");
    let mut args: Vec<String> = [
        "--edition",
        "2024",
        "--crate-type",
        "bin",
        "--emit=metadata",
    ]
    .map(String::from)
    .to_vec();
    args.push("-L".into());
    args.push(format!("dependency={}", deps.display()));
    args.extend(externs(&deps));
    // The block in a file of its own, named after its place, so that the
    // message names it.
    let file_name = format!(
        "{}_line_{line}.rs",
        chapter
            .trim_start_matches("book/src/")
            .trim_end_matches(".md")
            .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    );
    // A folder of its own: the blocks of one process run on parallel
    // threads, and each removes its folder when done.
    let dir = std::env::temp_dir().join(format!(
        "compile-fail-{}-{}",
        std::process::id(),
        file_name.trim_end_matches(".rs")
    ));
    std::fs::create_dir_all(&dir).expect("the temporary folder is writable");
    std::fs::write(dir.join(&file_name), source).expect("the temporary folder is writable");
    let run = cached_rustc(&dir, &args, &file_name, source);
    let _ = std::fs::remove_dir_all(&dir);
    if !run.cached {
        eprintln!("{place}: compile_fail block checked by rustc (not cached)");
    }
    assert!(
        !run.compiled,
        "{place}: this block is marked compile_fail, yet it compiles; fix the block so that it shows the error, or drop compile_fail."
    );
    if let Some(bad) = CANNOT_LOAD.iter().find(|c| run.stderr.contains(*c)) {
        panic!(
            "{place}: rustc could not load a crate ({bad}), so this check proves nothing; run `cargo test` again after `cargo clean -p book-tests`. rustc said:\n{}",
            run.stderr
        );
    }
    if let Some(code) = code {
        assert!(
            run.stderr.contains(&format!("error[{code}]")),
            "{place}: this block is marked compile_fail,{code}, but rustc fails with another error; fix the block or its code. rustc said:\n{}",
            run.stderr
        );
    }
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
