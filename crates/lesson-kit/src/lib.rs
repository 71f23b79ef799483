//! The course's small kit, shared by every lesson.
//!
//! It does four things and nothing else:
//!
//! * [`say!`] prints a line with the time since the program started, as
//!   `[3.000s] Task 1 finished`, so every transcript shows *when* each line
//!   happened, not just in which order.
//! * [`blocking_sleep`] is `std::thread::sleep` that the transcript can see:
//!   it really blocks the calling thread. Under the snapshot tests it blocks
//!   for a thousandth of the time and moves tokio's paused clock forward by
//!   the full amount, so a 3 s block still reads `3.000s` and costs 3 ms.
//! * [`run_all`] and [`snapshot_tests!`] give every lesson the same
//!   `cargo run` (real time) and the same snapshot test (tokio's paused,
//!   virtual time on a `current_thread` runtime).
//! * [`Lane`] (`.lane("task1")` on any future) and [`lane`] (around
//!   blocking code) name the lanes of the *timeline*: the snapshot test
//!   records when each lane ran and waited, and draws it as
//!   `src/snapshots/<program>.svg` for the book (see [`check_timeline`]).
//!
//! The lessons themselves use tokio and futures directly; nothing here
//! renames their APIs.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::{Pin, pin};
use std::task::{Context, Waker};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::time::Instant;

mod recorder;
mod runtime;
pub mod rustc;
pub mod svg;
pub mod timeline;

use recorder::Turn;
use runtime::current_thread_runtime;

pub use timeline::{InLane, Lane, Timeline, lane};

type BoxedMain = Box<dyn Fn() -> Pin<Box<dyn Future<Output = ()>>>>;

enum Main {
    Blocking(fn()),
    Tokio(BoxedMain),
}

/// One runnable program of a lesson: a name (its snapshot file is
/// `src/snapshots/<name>.snap`), a one-line title, and its `main`.
pub struct Program {
    /// Short kebab-case name; also the snapshot's and the Python file's name.
    pub name: &'static str,
    /// What the program shows, printed above its output by `cargo run`.
    pub title: &'static str,
    main: Main,
    python: Python,
}

/// How a program's Python analogue (`python/<name>.py`) relates to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Python {
    /// Its lines equal the Rust lines without timestamps (checked).
    Same,
    /// It prints something else on purpose; the chapter says why.
    Differs(&'static str),
}

impl Program {
    /// A program whose `main` is an `async fn`. It runs the way
    /// `#[tokio::main(flavor = "current_thread")]` would run it: one
    /// runtime, one thread, `block_on(main())`.
    pub fn tokio<M, F>(name: &'static str, title: &'static str, main: M) -> Self
    where
        M: Fn() -> F + 'static,
        F: Future<Output = ()> + 'static,
    {
        Program {
            name,
            title,
            main: Main::Tokio(Box::new(move || Box::pin(main()))),
            python: Python::Same,
        }
    }

    /// A program with a plain, blocking `main`: no runtime at all.
    pub fn blocking(name: &'static str, title: &'static str, main: fn()) -> Self {
        Program {
            name,
            title,
            main: Main::Blocking(main),
            python: Python::Same,
        }
    }

    /// Marks the Python analogue as printing something else on purpose.
    pub fn python_differs(mut self, why: &'static str) -> Self {
        self.python = Python::Differs(why);
        self
    }

    /// How this program's Python analogue relates to it.
    pub fn python(&self) -> &Python {
        &self.python
    }
}

/// Prints one line of a transcript. Use it through [`say!`].
pub fn say_line(message: std::fmt::Arguments<'_>) {
    // Formatted before the recorder is locked, so that the program's own
    // `Display` code never runs under that lock.
    recorder::say(&message.to_string());
}

/// `println!` with the time since the program started in front:
/// `say!("Task {} finished", 1)` prints `[3.000s] Task 1 finished`.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say_line(::std::format_args!($($arg)*))
    };
}

/// `std::thread::sleep`, visible to the transcript: it blocks the calling
/// thread, as `time.sleep` does in Python, so nothing else runs on that
/// thread meanwhile (a runtime thread included).
///
/// On `cargo run` it *is* `std::thread::sleep(duration)`. While a test
/// records on virtual time, it blocks for `duration / 1000` and then moves
/// tokio's paused clock to `start + duration`, so the transcript shows the
/// full duration and the test stays fast.
///
/// One blocking sleep at a time is exact. Several threads sleeping at once
/// are not: a thread that starts its sleep after another one has moved the
/// clock counts from the later time, so the transcript may show more time
/// than really passed. Lessons that block many threads at once print no
/// timestamps for them (see the scale lesson).
pub fn blocking_sleep(duration: Duration) {
    let Some(handle) = recorder::virtual_clock() else {
        std::thread::sleep(duration);
        return;
    };
    let _inside = Handle::try_current().is_err().then(|| handle.enter());
    let wake_at = Instant::now() + duration;
    std::thread::sleep(duration / 1000);
    let behind = wake_at.saturating_duration_since(Instant::now());
    if !behind.is_zero() {
        // `advance` moves the paused clock as soon as it is first polled;
        // its second half (a yield) is not needed here.
        let advance = pin!(tokio::time::advance(behind));
        let _ = advance.poll(&mut Context::from_waker(Waker::noop()));
    }
}

/// Runs `program` on real time, printing its lines to stdout.
///
/// Programs take turns: in one process, a program runs (or is recorded)
/// only when no other one is, since every thread prints into the same
/// recorder.
pub fn run(program: &Program) {
    let turn = Turn::take();
    match &program.main {
        Main::Blocking(main) => {
            turn.print(Instant::now());
            main();
        }
        Main::Tokio(main) => {
            let runtime = current_thread_runtime(false);
            turn.print(Instant::now());
            runtime.block_on(main());
        }
    }
}

/// The `main` of every lesson binary: runs each program in turn on real
/// time, or only those named on the command line
/// (`cargo run -p lesson-sync-vs-async -- non-blocking`).
pub fn run_all(programs: Vec<Program>) {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    if let Some(unknown) = wanted
        .iter()
        .find(|w| !programs.iter().any(|p| p.name == w.as_str()))
    {
        let names: Vec<_> = programs.iter().map(|p| p.name).collect();
        eprintln!(
            "There is no program named {unknown:?} in this lesson; its programs are: {}.",
            names.join(", ")
        );
        std::process::exit(2);
    }
    for (i, program) in programs
        .iter()
        .filter(|p| wanted.is_empty() || wanted.iter().any(|w| w == p.name))
        .enumerate()
    {
        if i > 0 {
            println!();
        }
        println!("--- {}: {} ---", program.name, program.title);
        run(program);
    }
}

/// Runs `program` on a `current_thread` runtime with paused (virtual) time
/// and returns what it said, one line per `say!`.
pub fn record(program: &Program) -> String {
    record_run(program).transcript
}

/// What a recorded run printed, and its timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    /// The `say!` lines, joined with newlines.
    pub transcript: String,
    /// What ran when: lane `main` (the program's root future, or its
    /// blocking `main`) and every lane the program named.
    pub timeline: Timeline,
}

/// Like [`record`], and also records the timeline of the run.
///
/// Recordings take turns (see [`run`]), so tests that record on parallel
/// threads never mix their lines or lanes.
pub fn record_run(program: &Program) -> Recording {
    let turn = Turn::take();
    let runtime = current_thread_runtime(true);
    let start = runtime.block_on(async { Instant::now() });
    turn.record(start, runtime.handle().clone());
    match &program.main {
        Main::Blocking(main) => {
            let _inside = runtime.enter();
            lane("main", main);
        }
        Main::Tokio(main) => runtime.block_on(main().lane("main")),
    }
    // Tasks still alive are dropped (cancelled) when the runtime shuts
    // down; that belongs to the run, so it is recorded too.
    drop(runtime);
    let (lines, timeline) = turn.finish();
    Recording {
        transcript: lines.join("\n"),
        timeline,
    }
}

/// The timeline of a recorded run, as the SVG the book shows beside the
/// transcript. `id` makes its element ids unique on a page.
pub fn timeline_svg(id: &str, program: &Program, recording: &Recording) -> String {
    let title = format!(
        "Timeline of {}: what ran when, in virtual seconds",
        program.name
    );
    svg::render(&recording.timeline, id, &title)
}

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
            !programs.iter().any(|program| program.name == stem)
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

/// Writes the snapshot test of a lesson: every program of `$programs()` is
/// recorded twice on virtual time (the two runs must agree, timelines
/// included), compared with its insta snapshot `src/snapshots/<name>.snap`,
/// its timeline picture `src/snapshots/<name>.svg` (see
/// [`check_timeline`]), and its Python analogue's output where there is one.
#[macro_export]
macro_rules! snapshot_tests {
    ($programs:ident) => {
        #[cfg(test)]
        mod snapshot_tests {
            #[test]
            fn transcripts_match_snapshots() {
                let package = env!("CARGO_PKG_NAME");
                let lesson_dir = &$crate::lesson_dir(package);
                let programs = super::$programs();
                for program in &programs {
                    let recording = $crate::record_run(program);
                    let transcript = recording.transcript.clone();
                    assert_eq!(
                        recording,
                        $crate::record_run(program),
                        "program {:?} printed or ran something else on a second run: it is not deterministic",
                        program.name
                    );
                    insta::with_settings!({
                        prepend_module_to_snapshot => false,
                        omit_expression => true,
                    }, {
                        insta::assert_snapshot!(program.name, &transcript);
                    });
                    let id = format!("timeline-{package}-{}", program.name);
                    let svg = $crate::timeline_svg(&id, program, &recording);
                    $crate::check_timeline(lesson_dir, package, program, &svg);
                    $crate::check_python(lesson_dir, program, &transcript);
                }
                $crate::check_no_stray_timelines(lesson_dir, package, &programs);
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{find_lesson_dir, lesson_dir};

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
}
