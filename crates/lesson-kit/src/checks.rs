//! What the snapshot tests check, beside the transcript's insta snapshot:
//! the run is deterministic, the timeline picture is the run's, no picture
//! is left without a program, the Python analogue prints the same lines,
//! and every program has its test. The files are found in the lesson's
//! folder at run time ([`lesson_dir`]).

use std::path::{Path, PathBuf};

use crate::{Program, Python, Recording, record_run, timeline_svg};

/// The folder of the lesson being tested (`crates/<slug>`), found at run
/// time: `cargo test` and `cargo run` set `CARGO_MANIFEST_DIR` (and
/// `CARGO_PKG_NAME`) for the process of the package they run. `package` is
/// the lesson's package name (`env!("CARGO_PKG_NAME")`), which only checks
/// that the variables describe this package.
///
/// The folder is not taken from `env!("CARGO_MANIFEST_DIR")`, which is
/// compiled into the test binary: two checkouts sharing one
/// `CARGO_TARGET_DIR` can run a binary compiled in the other checkout, and
/// its snapshots and timelines would then be read (and written) there.
///
/// # Panics
///
/// When the variables are missing (the test binary was run by hand) or
/// name another package, with what to do instead.
#[track_caller]
pub fn lesson_dir(package: &str) -> PathBuf {
    let var = |name: &str| std::env::var(name).ok();
    match find_lesson_dir(var("CARGO_MANIFEST_DIR"), var("CARGO_PKG_NAME"), package) {
        Ok(dir) => dir,
        Err(why) => panic!("\n{why}"),
    }
}

/// [`lesson_dir`] from the two variables' values.
fn find_lesson_dir(
    manifest_dir: Option<String>,
    package_name: Option<String>,
    package: &str,
) -> Result<PathBuf, String> {
    let set = |v: Option<String>| v.filter(|v| !v.is_empty());
    let how = format!(
        "Run them with `cargo test -p {package}`, which sets it, or set CARGO_MANIFEST_DIR to \
         the lesson's folder and CARGO_PKG_NAME to {package}."
    );
    match (set(manifest_dir), set(package_name)) {
        (Some(dir), Some(name)) if name == package => Ok(PathBuf::from(dir)),
        (Some(dir), Some(name)) => Err(format!(
            "CARGO_MANIFEST_DIR is {dir}, the folder of package {name}, not of {package}, \
             so the tests of {package} cannot find their files there. {how}"
        )),
        _ => Err(format!(
            "CARGO_MANIFEST_DIR is not set, so the tests of {package} cannot find its folder \
             (its snapshots, timelines and Python files). {how}"
        )),
    }
}

/// How a stale or missing timeline is written again; in messages.
fn regenerate(package: &str) -> String {
    format!("TIMELINES=write cargo test -p {package}")
}

/// Checks `src/snapshots/<name>.svg`, the picture of a program's timeline
/// that the chapter includes, against this run: it must exist and be
/// exactly what the run draws.
///
/// `TIMELINES=write cargo test -p <lesson>` (or `INSTA_UPDATE=always`)
/// writes stale or missing pictures instead of failing, unless `CI` is
/// set: CI never writes files.
pub fn check_timeline(lesson_dir: &Path, package: &str, program: &Program, svg: &str) {
    let root = lesson_dir.ancestors().nth(2).unwrap_or(lesson_dir);
    let path = lesson_dir
        .join("src/snapshots")
        .join(format!("{}.svg", program.name));
    let shown = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .display()
        .to_string();
    let found = std::fs::read_to_string(&path).ok();
    if found.as_deref() == Some(svg) {
        return;
    }
    if writes_timelines() {
        std::fs::create_dir_all(path.parent().unwrap_or(lesson_dir))
            .and_then(|()| std::fs::write(&path, svg))
            .unwrap_or_else(|e| panic!("cannot write {shown}: {e}"));
        return;
    }
    let what = if found.is_some() {
        "is stale: the program's timeline changed"
    } else {
        "is missing"
    };
    panic!(
        "\n{shown} {what}.\nIt is the picture of program {:?}'s run that the book shows. \
         Write it again with `{}` (or `INSTA_UPDATE=always cargo test`), look at it in the book, and commit it.{}",
        program.name,
        regenerate(package),
        if is_ci() {
            "\n(`CI` is set, so nothing is written here.)"
        } else {
            ""
        }
    );
}

/// Checks that every `src/snapshots/*.svg` belongs to a program.
pub fn check_no_stray_timelines(lesson_dir: &Path, package: &str, programs: &[Program]) {
    let Ok(entries) = std::fs::read_dir(lesson_dir.join("src/snapshots")) else {
        return;
    };
    let mut stray: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "svg"))
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            !programs.iter().any(|program| {
                program.name == stem
                    || crate::exercise::solution_of(program).is_some_and(|s| s.name == stem)
            })
        })
        .collect();
    stray.sort();
    if stray.is_empty() {
        return;
    }
    if writes_timelines() {
        for path in &stray {
            let _ = std::fs::remove_file(path);
        }
        return;
    }
    let root = lesson_dir.ancestors().nth(2).unwrap_or(lesson_dir);
    let names: Vec<_> = stray
        .iter()
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect();
    panic!(
        "\nNo program of {package} draws {}: delete it, or run `{}` to delete it.",
        names.join(", "),
        regenerate(package)
    );
}

fn is_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// `TIMELINES=write`, or insta's `INSTA_UPDATE=always`, and not on CI.
fn writes_timelines() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    !is_ci() && (var("TIMELINES") == "write" || var("INSTA_UPDATE") == "always")
}

/// Removes the `[3.000s] ` stamps, leaving what Python's `print` shows.
pub fn without_timestamps(transcript: &str) -> String {
    transcript
        .lines()
        .map(|line| match line.split_once("s] ") {
            Some((stamp, rest)) if stamp.starts_with('[') => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks a program's Python analogue against its Rust transcript:
/// `python/<name>.out` (written by `cargo xtask python --bless`, checked by
/// `cargo xtask python`) must equal the Rust lines without timestamps,
/// unless the program says the Python differs.
pub fn check_python(lesson_dir: &Path, program: &Program, transcript: &str) {
    // Name files from the workspace root, as an author types them.
    let root = lesson_dir.ancestors().nth(2).unwrap_or(lesson_dir);
    let lesson_dir = lesson_dir.strip_prefix(root).unwrap_or(lesson_dir);
    let py = lesson_dir
        .join("python")
        .join(format!("{}.py", program.name));
    let out = py.with_extension("out");
    if !root.join(&py).exists() {
        assert!(
            !root.join(&out).exists(),
            "{} has no Python program beside it: delete it, or add {}.",
            out.display(),
            py.display()
        );
        return;
    }
    let Ok(printed) = std::fs::read_to_string(root.join(&out)) else {
        panic!(
            "{} is missing: run `cargo xtask python --bless` to record what {} prints.",
            out.display(),
            py.display()
        );
    };
    if program.python == Python::Same {
        let rust = without_timestamps(transcript);
        assert_eq!(
            printed.trim_end(),
            rust.trim_end(),
            "\n{} (left) no longer prints the Rust program {:?}'s lines (right) without timestamps.\n\
             Fix the Python or the Rust, or mark the program `.python_differs(\"why\")` if the chapter explains the difference.",
            out.display(),
            program.name
        );
    }
}

/// The program of `programs` named `name`.
///
/// # Panics
///
/// When there is none, saying so.
#[track_caller]
pub fn program_named<'a>(programs: &'a [Program], name: &str) -> &'a Program {
    match programs.iter().find(|p| p.name == name) {
        Some(program) => program,
        None => panic!(
            "programs() has no program named {name:?} (see the test every_program_has_a_test)"
        ),
    }
}

/// Records `program` twice on virtual time (see [`record_run`]) and
/// returns the recording.
///
/// # Panics
///
/// When the two runs printed or ran differently: the program is not
/// deterministic, so no snapshot of it could hold.
#[track_caller]
pub fn record_twice(program: &Program) -> Recording {
    let recording = record_run(program);
    assert_eq!(
        recording,
        record_run(program),
        "program {:?} printed or ran something else on a second run: it is not deterministic",
        program.name
    );
    recording
}

/// Checks a recorded run's timeline picture ([`check_timeline`]) and its
/// Python analogue ([`check_python`]).
pub fn check_timeline_and_python(
    lesson_dir: &Path,
    package: &str,
    program: &Program,
    recording: &Recording,
) {
    let id = format!("timeline-{package}-{}", program.name);
    let svg = timeline_svg(&id, program, recording);
    check_timeline(lesson_dir, package, program, &svg);
    check_python(lesson_dir, program, &recording.transcript);
}

/// Checks that [`programs`](macro@crate::programs) wrote a test for every
/// program of `programs`, and for nothing else: `tested` are the names it
/// read in the function's body. Program names must also be unique, since
/// each names its snapshot.
///
/// # Panics
///
/// With every mismatch, and how to fix it.
#[track_caller]
pub fn check_every_program_tested(programs: &[Program], tested: &[&str]) {
    let names: Vec<&str> = programs.iter().map(|p| p.name).collect();
    let problems = untested(&names, tested);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// What [`check_every_program_tested`] finds wrong, one message each.
fn untested(names: &[&str], tested: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            problems.push(format!(
                "two programs are named {name:?}: each program names its own snapshot, so give them different names."
            ));
        } else if !tested.contains(name) {
            problems.push(format!(
                "program {name:?} has no test of its own: #[lesson_kit::programs] writes one for each \
                 `Program::new(\"name\", ..)` it reads in the function's body, so write the name there as a string literal."
            ));
        }
    }
    for name in tested.iter().filter(|t| !names.contains(t)) {
        problems.push(format!(
            "#[lesson_kit::programs] wrote a test for program {name:?}, but programs() returns no \
             program of that name: list it unconditionally, or remove it."
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{find_lesson_dir, lesson_dir, untested};

    #[test]
    fn the_lesson_folder_is_found_at_run_time() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            find_lesson_dir(
                some("/w/crates/select"),
                some("lesson-select"),
                "lesson-select"
            ),
            Ok(PathBuf::from("/w/crates/select"))
        );
        let other = find_lesson_dir(some("/w/xtask"), some("xtask"), "lesson-select");
        assert!(
            other
                .as_ref()
                .is_err_and(|e| e.contains("not of lesson-select")),
            "{other:?}"
        );
        for (dir, name) in [
            (None, None),
            (some(""), some("lesson-select")),
            (None, some("lesson-select")),
        ] {
            let missing = find_lesson_dir(dir, name, "lesson-select");
            assert!(
                missing
                    .as_ref()
                    .is_err_and(|e| e.contains("CARGO_MANIFEST_DIR is not set")
                        && e.contains("cargo test -p lesson-select")),
                "{missing:?}"
            );
        }
        // `cargo test` sets both for this very process.
        assert_eq!(
            lesson_dir(env!("CARGO_PKG_NAME")),
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        );
    }

    #[test]
    fn every_program_must_have_a_test_and_every_test_a_program() {
        assert!(untested(&["race", "select-loop"], &["race", "select-loop"]).is_empty());
        let problems = untested(&["race", "built", "race"], &["race", "gone"]);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems[0].contains("program \"built\" has no test of its own"));
        assert!(problems[1].contains("two programs are named \"race\""));
        assert!(problems[2].contains("wrote a test for program \"gone\""));
    }
}
