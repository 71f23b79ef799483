//! The course's small kit, shared by every lesson.
//!
//! What a lesson's programs use, in their tests (hidden `cfg(test)` lines):
//!
//! * [`say!`] records a line with the time since the program started, as
//!   `[3.000s] Task 1 finished`, so every transcript shows *when* each line
//!   happened, not just in which order (the program's own `say!`, used
//!   outside the tests, prints the same line).
//! * [`thread::sleep`] (a program's hidden `#[cfg(test)] use
//!   lesson_kit::thread;` puts it in place of `std::thread`'s) is
//!   [`blocking_sleep`]: it really blocks the calling thread, but in a
//!   recording for a thousandth of the time, and moves tokio's paused clock
//!   forward by the full amount, so a 3 s block still reads `3.000s`.
//! * [`lane`](macro@lane) (a hidden `#[cfg_attr(test, lesson_kit::lane)]`
//!   on a function) names the lanes of the *timeline*, built on [`Lane`]
//!   and [`lane()`]: a recorded run keeps when each lane ran, waited,
//!   printed and ended ([`timeline`]).
//!
//! How a lesson runs and is tested:
//!
//! * [`Program`] is one runnable program of a lesson, and [`run_all`] the
//!   `main` of every lesson binary: `cargo run` runs its programs on real
//!   time; each program's own `#[tokio::main]` builds its runtime.
//!   [`Program::new`] registers a whole program; its hidden
//!   `#[cfg_attr(test, lesson_kit::main)]` ([`main`](macro@main)) hands
//!   `main`'s body to [`run_main`] in a recording, and
//!   [`lane`](macro@lane) draws a function's calls as lanes.
//! * [`record`] and [`record_run`] run a program on tokio's paused, virtual
//!   clock and return its transcript and timeline. Every thread writes
//!   into one recorder behind one lock, and programs take turns, so tests
//!   on parallel threads never mix their recordings (`recorder.rs`).
//! * [`programs`](macro@programs), on a lesson's `programs()`, writes one
//!   snapshot test per program: two recordings that must agree, the insta
//!   snapshot of the transcript, the timeline picture
//!   `src/snapshots/<program>.svg` drawn by [`svg`] ([`check_timeline`]),
//!   the Python analogue's output ([`check_python`]), and checks that every
//!   program has its test (`checks.rs`, which finds the lesson's files at
//!   run time: [`lesson_dir`]).
//! * [`rustc_snapshot!`] locks what rustc says about a lesson's fixture (a
//!   warning or an error that is the lesson's point) in a snapshot
//!   ([`rustc`]).
//!
//! The lessons themselves use tokio and futures directly; nothing here
//! renames their APIs.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Waker};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::time::Instant;

mod checks;
pub mod exercise;
pub mod panics;
mod recorder;
mod runtime;
pub mod rustc;
pub mod svg;
pub mod timeline;

use recorder::Turn;
use runtime::current_thread_runtime;

pub use checks::{
    check_every_program_tested, check_no_stray_timelines, check_python, check_timeline,
    check_timeline_and_python, lesson_dir, program_named, record_twice, without_timestamps,
};
pub use exercise::{Check, Line, Role};
pub use timeline::{InLane, Lane, Timeline, lane};

type BoxedMain = Box<dyn Fn() -> Pin<Box<dyn Future<Output = ()>>>>;

// The kit's own tests record futures and functions directly; lessons
// register whole programs (`Program::new`).
#[cfg_attr(not(test), allow(dead_code))]
enum Main {
    Blocking(fn()),
    Tokio(BoxedMain),
    /// A whole program: its `main` builds its own runtime (through
    /// [`main`](macro@main) in the tests).
    Program(fn()),
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
    role: Role,
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
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn tokio<M, F>(name: &'static str, title: &'static str, main: M) -> Self
    where
        M: Fn() -> F + 'static,
        F: Future<Output = ()> + 'static,
    {
        Program {
            name,
            title,
            main: Main::Tokio(Box::new(move || Box::pin(main()))),
            python: Python::Same,
            role: Role::Lesson,
        }
    }

    /// A whole program, as the book shows it and the Playground runs it:
    /// `main` is the `main` of the program's file (reached through its
    /// `program()`), `#[tokio::main]` or plain. Its hidden
    /// `#[cfg_attr(test, lesson_kit::main)]` hands the body to the kit in
    /// the tests, which runs it on the recording's paused runtime.
    pub fn new(name: &'static str, title: &'static str, main: fn()) -> Self {
        Program {
            name,
            title,
            main: Main::Program(main),
            python: Python::Same,
            role: Role::Lesson,
        }
    }

    /// A program with a plain, blocking `main`: no runtime at all.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn blocking(name: &'static str, title: &'static str, main: fn()) -> Self {
        Program {
            name,
            title,
            main: Main::Blocking(main),
            python: Python::Same,
            role: Role::Lesson,
        }
    }

    /// A predict-the-output exercise: a whole program (as for
    /// [`Program::new`]) that the chapter shows without its output; the
    /// reader writes the lines they expect, and its snapshot is the answer.
    pub fn predict(name: &'static str, title: &'static str, main: fn()) -> Self {
        Program {
            role: Role::Predict,
            ..Program::new(name, title, main)
        }
    }

    /// A fix-the-bug exercise: `starter` is the program with the bug, the
    /// one the reader copies (`cargo xtask exercise <name>`); `solution` a
    /// fixed one; `check` passes a fixed run and fails the starter's. The
    /// snapshots are `<name>` (the starter's run) and `<name>-solution`.
    pub fn fix(
        name: &'static str,
        title: &'static str,
        starter: fn(),
        solution: fn(),
        check: Check,
    ) -> Self {
        Program {
            role: Role::Fix { solution, check },
            ..Program::new(name, title, starter)
        }
    }

    /// What the program is for: a lesson's, or an exercise.
    pub fn role(&self) -> Role {
        self.role
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
    // Off the runtime's thread (a `spawn_blocking` closure, a thread of the
    // program's own), the runtime may still have tasks to poll at the time
    // the sleep began, such as one spawned just before: let them run first,
    // by waiting for a probe task queued behind them, or the clock would
    // jump before they start their timers. (Bounded, in case the runtime
    // cannot run it.)
    if timeline::own_polls() == 0 && DRIVEN.load(std::sync::atomic::Ordering::SeqCst) {
        let (ran, probe) = std::sync::mpsc::channel();
        handle.spawn(async move {
            let _ = ran.send(());
        });
        let _ = probe.recv_timeout(Duration::from_millis(50));
    }
    // Another thread may be inside a poll (the runtime thread, polling a
    // task while this one blocks in the pool): move the clock only after
    // it, or that poll would be timed across the jump. Bounded, in case
    // that poll waits for this thread.
    let waiting = std::time::Instant::now();
    loop {
        let clock = timeline::CLOCK
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if timeline::polls_elsewhere() == 0 || waiting.elapsed() >= Duration::from_millis(50) {
            let behind = wake_at.saturating_duration_since(Instant::now());
            if !behind.is_zero() {
                // `advance` moves the paused clock as soon as it is first
                // polled; its second half (a yield) is not needed here.
                let advance = pin!(tokio::time::advance(behind));
                let _ = advance.poll(&mut Context::from_waker(Waker::noop()));
            }
            drop(clock);
            return;
        }
        drop(clock);
        std::thread::sleep(Duration::from_micros(20));
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
        Main::Program(main) => {
            turn.print(Instant::now());
            main();
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
    // Exercises run only when named: the chapter asks to predict them first.
    for (i, program) in programs
        .iter()
        .filter(|p| {
            if wanted.is_empty() {
                matches!(p.role, Role::Lesson)
            } else {
                wanted.iter().any(|w| w == p.name)
            }
        })
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
    // A program's panic is part of its run (a lane drawn "panicked"), so it
    // prints one line, not a backtrace (see `panics`).
    let _expected = panics::Expected::on_this_thread();
    let runtime = runtime::recording_runtime();
    let start = runtime.block_on(async { Instant::now() });
    turn.record(start, runtime.handle().clone());
    match &program.main {
        Main::Blocking(main) => {
            let _inside = runtime.enter();
            lane("main", main);
        }
        Main::Tokio(main) => driven(|| runtime.block_on(main().lane("main"))),
        Main::Program(main) => {
            let tripwire = !matches!(program.role, Role::Lesson);
            HARNESS.with(|slot| *slot.borrow_mut() = Some(runtime));
            TRIPWIRE.with(|t| t.set(tripwire));
            // Takes the runtime back also when the program panics.
            struct Back;
            impl Drop for Back {
                fn drop(&mut self) {
                    TRIPWIRE.with(|t| t.set(false));
                    drop(HARNESS.with(|slot| slot.borrow_mut().take()));
                }
            }
            let back = Back;
            if tripwire {
                // A hung exercise unwinds out of its `main` (see
                // `run_main`); its run, up to the tripwire, is the recording.
                let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(main));
                if let Err(payload) = run
                    && !payload.is::<exercise::Tripped>()
                {
                    std::panic::resume_unwind(payload);
                }
            } else {
                main();
            }
            drop(back);
            let (lines, timeline) = turn.finish();
            return Recording {
                transcript: lines.join("\n"),
                timeline,
            };
        }
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

/// Whether a recording's paused runtime is being driven by `block_on` (a
/// tokio program's `main`), so that a task spawned on it runs.
static DRIVEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks the recording's runtime as driven while `f` runs `block_on`.
fn driven<T>(f: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            DRIVEN.store(false, std::sync::atomic::Ordering::SeqCst);
        }
    }
    DRIVEN.store(true, std::sync::atomic::Ordering::SeqCst);
    let _reset = Reset;
    f()
}

thread_local! {
    /// The paused runtime of the recording on this thread, for the
    /// program's [`run_main`] to run on.
    static HARNESS: std::cell::RefCell<Option<tokio::runtime::Runtime>> =
        const { std::cell::RefCell::new(None) };
    /// Whether the recording on this thread is an exercise's, which stops
    /// at [`exercise::TRIPWIRE`].
    static TRIPWIRE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `main` on the recording's runtime; for an exercise, stopped at the
/// tripwire: the last line says so, and the run unwinds out of `main`.
fn block_on_recorded<T>(runtime: &tokio::runtime::Runtime, main: impl Future<Output = T>) -> T {
    if !TRIPWIRE.with(|t| t.get()) {
        return driven(|| runtime.block_on(main.lane("main")));
    }
    let main = main.lane("main");
    let run =
        driven(|| runtime.block_on(async { tokio::time::timeout(exercise::TRIPWIRE, main).await }));
    match run {
        Ok(value) => value,
        Err(_) => {
            recorder::say(&exercise::tripped_line());
            // Not a failure of the test: `record_run` catches it.
            std::panic::resume_unwind(Box::new(exercise::Tripped))
        }
    }
}

/// The runtime a program's `#[tokio::main(..)]` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// `flavor = "current_thread"`: recorded on the test's paused runtime.
    CurrentThread,
    /// `flavor = "current_thread", start_paused = true`: recorded as
    /// `CurrentThread` (a recording's clock is paused already); on
    /// `cargo run`, a `current_thread` runtime whose clock starts paused.
    CurrentThreadPaused,
    /// The default: worker threads. Recorded on real time (a paused clock
    /// needs a `current_thread` runtime): a `say!` inside reads that
    /// runtime's real clock, so only for programs whose transcript does not
    /// depend on it (or that print after `block_on` returns, where the
    /// recording's paused clock is read).
    MultiThread { workers: Option<usize> },
    /// `flavor = "local"`: a `LocalRuntime` on `cargo run`; recorded on the
    /// test's paused runtime inside a `LocalSet`, where `spawn_local` works
    /// as on a `LocalRuntime`.
    Local,
}

fn build(flavor: Flavor) -> tokio::runtime::Runtime {
    build_with(flavor, || {})
}

/// [`build`], with `start` run on each thread the runtime starts.
fn build_with(flavor: Flavor, start: impl Fn() + Send + Sync + 'static) -> tokio::runtime::Runtime {
    match flavor {
        Flavor::CurrentThread | Flavor::Local => current_thread_runtime(false),
        Flavor::CurrentThreadPaused => current_thread_runtime(true),
        Flavor::MultiThread { workers } => {
            let mut builder = tokio::runtime::Builder::new_multi_thread();
            if let Some(workers) = workers {
                builder.worker_threads(workers);
            }
            builder
                .enable_all()
                .on_thread_start(start)
                .build()
                .expect("a multi_thread runtime builds")
        }
    }
}

/// What `#[lesson_kit::main]` makes of an `async fn main` under
/// `#[tokio::main(..)]`: in a recording, its body runs on the recording's
/// paused runtime (or on a `multi_thread` one, as asked) as lane `main`;
/// anywhere else it runs as `#[tokio::main]` would run it.
#[doc(hidden)]
pub fn run_main<T>(flavor: Flavor, main: impl Future<Output = T>) -> T {
    HARNESS.with(|slot| {
        let slot = slot.borrow();
        match (slot.as_ref(), flavor) {
            (Some(runtime), Flavor::CurrentThread | Flavor::CurrentThreadPaused) => {
                block_on_recorded(runtime, main)
            }
            (Some(runtime), Flavor::Local) => {
                let set = tokio::task::LocalSet::new();
                block_on_recorded(runtime, set.run_until(main))
            }
            (Some(_), multi) => {
                build_with(multi, panics::mark_this_thread).block_on(main.lane("main"))
            }
            (None, Flavor::Local) => tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build_local(tokio::runtime::LocalOptions::default())
                .expect("a local runtime builds")
                .block_on(main),
            (None, flavor) => build(flavor).block_on(main),
        }
    })
}

/// What `#[lesson_kit::main]` makes of a plain `fn main`: in a recording,
/// it runs as lane `main`, inside the recording's runtime (so its blocking
/// sleeps move the paused clock).
#[doc(hidden)]
pub fn run_blocking_main<T>(main: impl FnOnce() -> T) -> T {
    HARNESS.with(|slot| match slot.borrow().as_ref() {
        Some(runtime) => {
            let _inside = runtime.enter();
            lane("main", main)
        }
        None => main(),
    })
}

/// `std::thread`, with the kit's [`sleep`](thread::sleep): a program's
/// hidden `#[cfg(test)] use lesson_kit::thread;` puts it in place of
/// `std::thread` in the lesson's tests, so `thread::sleep` really blocks
/// there too but moves the paused clock (see [`blocking_sleep`]).
pub mod thread {
    pub use std::thread::*;

    /// [`std::thread::sleep`] on `cargo run` and the Playground; in a
    /// recording, [`blocking_sleep`](crate::blocking_sleep).
    pub fn sleep(duration: std::time::Duration) {
        crate::blocking_sleep(duration)
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

/// Writes one snapshot test per program of a lesson. It goes on the
/// lesson's `programs()`:
///
/// ```ignore
/// #[lesson_kit::programs]
/// pub fn programs() -> Vec<Program> {
///     vec![
///         Program::new("race", "select! { eu => .., us => .. }", race::program),
///         Program::new("select-loop", "loop { select! { .. } }", select_loop::program),
///     ]
/// }
/// ```
///
/// The function stays as written (`cargo run` uses it through
/// [`run_all`]); beside it, in `#[cfg(test)] mod programs`, the attribute
/// writes a test named after each program, with `-` as `_`
/// (`programs::select_loop`, so `cargo test -p lesson-select select_loop`
/// runs it). Each test records its program twice on virtual time (the two
/// runs must agree, timelines included) and compares it with its insta
/// snapshot `src/snapshots/<name>.snap`, its timeline picture
/// `src/snapshots/<name>.svg` (see [`check_timeline`]) and its Python
/// analogue's output where there is one ([`check_python`]).
///
/// The attribute reads each name where it is written, the string literal
/// that opens `Program::new("name", ..)` in the body, so no name is
/// written twice. Two more tests keep it
/// honest: `every_program_has_a_test` fails when `programs()` returns a
/// program the attribute did not read (a name that is not a literal) or
/// lacks one it read ([`check_every_program_tested`]), and
/// `no_stray_timelines` fails on a picture that no program draws
/// ([`check_no_stray_timelines`]). A name that is not kebab-case, or
/// written twice, does not compile.
pub use lesson_kit_macros::programs;

/// Puts each call of a function on a lane of the timeline, in the tests
/// only: a program's hidden line `#[cfg_attr(test, lesson_kit::lane)]`
/// above `async fn download(..)` names the lane `download`;
/// `#[cfg_attr(test, lesson_kit::lane(file))]` names it after the argument
/// `file`. The lane starts at the call, as the future's life does, and
/// ends when it finishes, or with a cross where it is dropped unfinished.
/// The function's signature and body stay as written; an `async fn` only
/// becomes a `fn` returning `impl Future`.
pub use lesson_kit_macros::lane;

/// Hands a program's `main` to the kit in the tests: a hidden
/// `#[cfg_attr(test, lesson_kit::main)]` above `#[tokio::main(..)]` (or a
/// plain `fn main`). See [`run_main`] and [`run_blocking_main`].
pub use lesson_kit_macros::main;

/// One program's snapshot test, the body of each test that
/// [`programs`](macro@programs) writes: `$program` is a `&Program`.
/// Expanded in the lesson, so that insta finds the lesson's snapshots.
#[doc(hidden)]
#[macro_export]
macro_rules! __snapshot_test {
    ($program:expr) => {{
        let package = env!("CARGO_PKG_NAME");
        let program: &$crate::Program = $program;
        let recording = $crate::record_twice(program);
        let lesson_dir = $crate::lesson_dir(package);
        // Absolute, from the run-time folder: insta would otherwise resolve
        // it from the path compiled into this test binary, which is another
        // checkout's when two share a target folder.
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            omit_expression => true,
            snapshot_path => lesson_dir.join("src/snapshots"),
        }, {
            insta::assert_snapshot!(program.name, &recording.transcript);
        });
        $crate::check_timeline_and_python(&lesson_dir, package, program, &recording);
        // A fix exercise: its solution's snapshots, and the check that
        // tells the two apart.
        if let Some(solution) = $crate::exercise::solution_of(program) {
            let fixed = $crate::record_twice(&solution);
            insta::with_settings!({
                prepend_module_to_snapshot => false,
                omit_expression => true,
                snapshot_path => lesson_dir.join("src/snapshots"),
            }, {
                insta::assert_snapshot!(solution.name, &fixed.transcript);
            });
            $crate::check_timeline_and_python(&lesson_dir, package, &solution, &fixed);
            $crate::exercise::check_exercise(program, &recording, &fixed);
        }
    }};
}

/// The lesson's [`check_no_stray_timelines`]: `$programs` is a `&[Program]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __no_stray_timelines {
    ($programs:expr) => {{
        let package = env!("CARGO_PKG_NAME");
        $crate::check_no_stray_timelines(&$crate::lesson_dir(package), package, $programs);
    }};
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::{Flavor, Program, record, run_main};

    /// `#[tokio::main(flavor = "current_thread", start_paused = true)]`:
    /// paused outside a recording too (an hour's sleep takes no real
    /// hour), and recorded on the recording's own paused runtime.
    #[test]
    fn start_paused_runs_on_a_paused_clock_outside_a_recording_too() {
        let real = std::time::Instant::now();
        let slept = run_main(Flavor::CurrentThreadPaused, async {
            let start = tokio::time::Instant::now();
            tokio::time::sleep(Duration::from_secs(3600)).await;
            start.elapsed()
        });
        assert_eq!(slept, Duration::from_secs(3600));
        assert!(real.elapsed() < Duration::from_secs(3600));
        let paused = Program::new("paused", "paused", || {
            run_main(Flavor::CurrentThreadPaused, async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                say!("30 s later");
            })
        });
        assert_eq!(record(&paused), "[30.000s] 30 s later");
    }
}
