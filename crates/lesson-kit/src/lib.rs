//! The course's small kit, shared by every lesson.
//!
//! It does three things and nothing else:
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
//!
//! The lessons themselves use tokio and futures directly; nothing here
//! renames their APIs.

use std::future::Future;
use std::path::Path;
use std::pin::{Pin, pin};
use std::sync::{Mutex, MutexGuard};
use std::task::{Context, Waker};
use std::time::Duration;

use tokio::runtime::{Builder, Handle, Runtime};
use tokio::time::Instant;

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

// ---------------------------------------------------------------------------
// The transcript: where `say!` writes, and the clock it reads.

struct Transcript {
    start: Instant,
    /// `Some` while a test records; `None` prints to stdout.
    lines: Option<Vec<String>>,
    /// The paused runtime of a recording, so threads outside it (a
    /// `std::thread::spawn`, a blocking-pool thread) read the same clock.
    virtual_clock: Option<Handle>,
}

static TRANSCRIPT: Mutex<Option<Transcript>> = Mutex::new(None);
/// Recordings share the global transcript, so they take turns.
static RECORDING: Mutex<()> = Mutex::new(());

fn transcript() -> MutexGuard<'static, Option<Transcript>> {
    TRANSCRIPT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Reads tokio's clock: the paused one while recording, even from a thread
/// that is not inside the runtime.
fn now(virtual_clock: Option<&Handle>) -> Instant {
    match virtual_clock {
        Some(handle) if Handle::try_current().is_err() => {
            let _inside = handle.enter();
            Instant::now()
        }
        _ => Instant::now(),
    }
}

/// Prints one line of a transcript. Use it through [`say!`].
pub fn say_line(message: std::fmt::Arguments<'_>) {
    let mut guard = transcript();
    let transcript = guard.get_or_insert_with(|| Transcript {
        start: Instant::now(),
        lines: None,
        virtual_clock: None,
    });
    let elapsed =
        now(transcript.virtual_clock.as_ref()).saturating_duration_since(transcript.start);
    let line = format!("[{:.3}s] {message}", elapsed.as_secs_f64());
    match &mut transcript.lines {
        Some(lines) => lines.push(line),
        None => println!("{line}"),
    }
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
pub fn blocking_sleep(duration: Duration) {
    let clock = transcript().as_ref().and_then(|t| t.virtual_clock.clone());
    let Some(handle) = clock else {
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

/// Resets the transcript when a program ends, also when it panics.
struct Session;

impl Session {
    fn start(start: Instant, lines: Option<Vec<String>>, virtual_clock: Option<Handle>) -> Self {
        *transcript() = Some(Transcript {
            start,
            lines,
            virtual_clock,
        });
        Session
    }

    fn lines(&self) -> Vec<String> {
        transcript()
            .as_mut()
            .and_then(|t| t.lines.take())
            .unwrap_or_default()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        *transcript() = None;
    }
}

fn current_thread_runtime(paused: bool) -> Runtime {
    // ANCHOR: runtime
    // What `#[tokio::main(flavor = "current_thread")]` builds: a runtime on
    // this one thread, with its timer and I/O drivers. Tests also pause its
    // clock, so sleeps take no real time and timestamps are exact.
    Builder::new_current_thread()
        .enable_all()
        .start_paused(paused)
        .build()
        .expect("a current_thread runtime always builds")
    // ANCHOR_END: runtime
}

/// Runs `program` on real time, printing its lines to stdout.
pub fn run(program: &Program) {
    match &program.main {
        Main::Blocking(main) => {
            let _session = Session::start(Instant::now(), None, None);
            main();
        }
        Main::Tokio(main) => {
            let runtime = current_thread_runtime(false);
            let _session = Session::start(Instant::now(), None, None);
            runtime.block_on(main());
        }
    }
}

/// The `main` of every lesson binary: runs each program in turn on real
/// time, or only those named on the command line
/// (`cargo run -p lesson-01-sync-vs-async -- concurrent`).
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
    let _turn = RECORDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let runtime = current_thread_runtime(true);
    let start = runtime.block_on(async { Instant::now() });
    let session = Session::start(start, Some(Vec::new()), Some(runtime.handle().clone()));
    match &program.main {
        Main::Blocking(main) => {
            let _inside = runtime.enter();
            main();
        }
        Main::Tokio(main) => runtime.block_on(main()),
    }
    session.lines().join("\n")
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
/// recorded twice on virtual time (the two runs must agree), compared with
/// its insta snapshot `src/snapshots/<name>.snap`, and with its Python
/// analogue's output where there is one.
#[macro_export]
macro_rules! snapshot_tests {
    ($programs:ident) => {
        #[cfg(test)]
        mod snapshot_tests {
            #[test]
            fn transcripts_match_snapshots() {
                let lesson_dir = ::std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
                for program in super::$programs() {
                    let transcript = $crate::record(&program);
                    assert_eq!(
                        transcript,
                        $crate::record(&program),
                        "program {:?} printed something else on a second run: it is not deterministic",
                        program.name
                    );
                    insta::with_settings!({
                        prepend_module_to_snapshot => false,
                        omit_expression => true,
                    }, {
                        insta::assert_snapshot!(program.name, &transcript);
                    });
                    $crate::check_python(lesson_dir, &program, &transcript);
                }
            }
        }
    };
}
