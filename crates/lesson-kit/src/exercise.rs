//! Exercises: a program the reader predicts (its snapshot is the answer),
//! or one with a bug the reader fixes (a check on its recorded run says
//! whether it is fixed).
//!
//! Both are registered in a lesson's `programs()` beside its programs,
//! with [`Program::predict`] and [`Program::fix`], so that
//! `#[lesson_kit::programs]` gives them the same snapshot tests. A fix
//! exercise's test also runs its check on the starter, which must fail,
//! and on the solution, which must pass: an exercise never ships solved.
//!
//! Every exercise run has a tripwire: a run still going after
//! [`TRIPWIRE`] of virtual time (a hang, a lost wake-up, a wait with no
//! timeout) is stopped, with a last line that says so, and its check sees
//! it ([`Recording::tripped`]).
//!
//! The reader's own attempt (`exercises/<name>.rs`, which
//! `cargo xtask exercise <name>` copies from the starter) is compiled into
//! the lesson's tests only with the lesson's `attempt` feature and the
//! `LESSON_ATTEMPT` variable, which `cargo xtask exercise` sets; the
//! project's own `cargo test` never sees it.

use std::time::Duration;

use crate::{Program, Recording, record_run};

/// How long an exercise's run may go on, in virtual time, before it is
/// stopped as hung.
pub const TRIPWIRE: Duration = Duration::from_secs(60);

/// What a fix exercise's check says about a run: `Err` explains, for the
/// reader, what the run did wrong.
pub type Check = fn(&Recording) -> Result<(), String>;

/// What a program of a lesson is for.
#[derive(Clone, Copy)]
pub enum Role {
    /// A program the chapter shows with its output.
    Lesson,
    /// A predict-the-output exercise: the chapter shows the program, and
    /// its snapshot is the answer.
    Predict,
    /// A fix-the-bug exercise: this program is the starter; `solution` is
    /// a fixed one (its snapshot is `<name>-solution`), `check` tells them
    /// apart.
    Fix { solution: fn(), check: Check },
}

/// One line of a transcript: `[1.500s] order 3 shipped`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// When it was printed, since the program began.
    pub at: Duration,
    /// What it said, without the timestamp.
    pub text: String,
}

impl Line {
    /// The time as the transcript shows it: `1.500s`.
    pub fn time(&self) -> String {
        format!("{:.3}s", self.at.as_secs_f64())
    }
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] {}", self.time(), self.text)
    }
}

/// The start of the line a tripped run ends with.
pub(crate) const TRIPPED: &str = "tripwire:";

/// What a tripped run's last line says.
pub(crate) fn tripped_line() -> String {
    format!(
        "{TRIPPED} still running after {:.3}s of virtual time, so the run was stopped here",
        TRIPWIRE.as_secs_f64()
    )
}

/// The panic that unwinds a tripped run out of its `main`.
pub(crate) struct Tripped;

impl Recording {
    /// The transcript's lines, parsed.
    pub fn lines(&self) -> Vec<Line> {
        self.transcript.lines().filter_map(parse_line).collect()
    }

    /// The first line whose text contains `needle`, or an error that says
    /// which line was expected.
    pub fn line(&self, needle: &str) -> Result<Line, String> {
        self.lines()
            .into_iter()
            .find(|l| l.text.contains(needle))
            .ok_or_else(|| format!("the program never printed a line with {needle:?}"))
    }

    /// Whether the run hung and was stopped by the tripwire.
    pub fn tripped(&self) -> bool {
        self.lines().iter().any(|l| l.text.starts_with(TRIPPED))
    }
}

/// `[1.500s] text` as a [`Line`].
pub fn parse_line(line: &str) -> Option<Line> {
    let rest = line.strip_prefix('[')?;
    let (stamp, text) = rest.split_once("s] ")?;
    let secs: f64 = stamp.parse().ok()?;
    Some(Line {
        at: Duration::from_secs_f64(secs),
        text: text.to_string(),
    })
}

/// The snapshot test of a fix exercise, besides the snapshots: the starter
/// fails its check, the solution passes it.
///
/// # Panics
///
/// When the starter passes (the exercise would ship solved) or the
/// solution fails, saying which and why.
#[track_caller]
pub fn check_exercise(program: &Program, starter: &Recording, solution: &Recording) {
    let Role::Fix { check, .. } = program.role else {
        return;
    };
    if check(starter).is_ok() {
        panic!(
            "\nThe starter of exercise {:?} already passes its check: the exercise would ship solved. \
             Make its bug real (the transcript below must fail the check), or make the check test the bug.\n{}",
            program.name, starter.transcript
        );
    }
    if let Err(why) = check(solution) {
        panic!(
            "\nThe solution of exercise {:?} fails its check: {why}\nIts transcript:\n{}",
            program.name, solution.transcript
        );
    }
}

/// The solution of a fix exercise, as a program of its own (its snapshot
/// is `<name>-solution`).
pub fn solution_of(program: &Program) -> Option<Program> {
    match program.role {
        Role::Fix { solution, .. } => Some(Program {
            name: solution_name(program.name),
            title: program.title,
            main: crate::Main::Program(solution),
            python: crate::Python::Same,
            role: Role::Predict,
        }),
        _ => None,
    }
}

/// `closing-time` → `closing-time-solution`, leaked once per test run.
fn solution_name(name: &str) -> &'static str {
    Box::leak(format!("{name}-solution").into_boxed_str())
}

/// How long a reader's attempt may run on real time: a recording takes
/// milliseconds, so only an attempt that never lets time pass gets near.
pub const ATTEMPT_REAL_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// What `cargo xtask exercise <name>` runs: the reader's attempt at the fix
/// exercise `name`, recorded like its starter and checked. Prints a report
/// between marker lines, which the xtask reads, and fails when the check
/// does.
#[track_caller]
pub fn check_attempt(programs: &[Program], name: &str, attempt: fn()) {
    let Some(exercise) = programs.iter().find(|p| p.name == name) else {
        panic!("this lesson has no exercise named {name:?}");
    };
    let Role::Fix { check, .. } = exercise.role else {
        panic!("{name:?} is not a fix-the-bug exercise");
    };
    let program = Program {
        name: exercise.name,
        title: exercise.title,
        main: crate::Main::Program(attempt),
        python: crate::Python::Same,
        role: Role::Predict,
    };
    // A watchdog on real time: an attempt that keeps the runtime busy
    // without ever waiting (a future that wakes itself before it returns
    // `Pending`, a loop with no `.await`) never lets the paused clock
    // reach the tripwire, so it would run for ever.
    std::thread::spawn(|| {
        std::thread::sleep(ATTEMPT_REAL_LIMIT);
        println!("--- attempt transcript ---");
        println!("--- attempt fails ---");
        println!(
            "your program ran for {} s of real time while its virtual clock stood still: something keeps the runtime busy without ever waiting for time to pass (a loop with no .await, or one that only yields, or a future that wakes its own waker before it returns Pending), so not even the 60 s tripwire could fire. Find the loop that never waits.",
            ATTEMPT_REAL_LIMIT.as_secs()
        );
        println!("--- attempt end ---");
        std::process::exit(1);
    });
    let recording =
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| record_run(&program))) {
            Ok(recording) => recording,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "(a panic with no message)".into());
                println!("--- attempt transcript ---");
                println!("--- attempt fails ---");
                println!("your program panicked: {message}");
                println!("--- attempt end ---");
                panic!("the attempt panicked: {message}");
            }
        };
    let verdict = check(&recording);
    println!("--- attempt transcript ---");
    println!("{}", recording.transcript);
    match &verdict {
        Ok(()) => println!("--- attempt passes ---"),
        Err(why) => println!("--- attempt fails ---\n{why}"),
    }
    println!("--- attempt end ---");
    if let Err(why) = verdict {
        panic!("the attempt fails its check: {why}");
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::parse_line;
    use crate::{Flavor, Program, Recording, record_run, run_main, say};

    /// A program that waits for ever, as a lost wake-up does.
    fn hangs() {
        run_main(Flavor::CurrentThread, async {
            say!("waiting for a reply");
            std::future::pending::<()>().await;
        });
    }

    fn answers() {
        run_main(Flavor::CurrentThread, async {
            tokio::time::sleep(Duration::from_secs(2)).await;
            say!("reply");
        });
    }

    fn replied(run: &Recording) -> Result<(), String> {
        match run.lines().iter().any(|l| l.text == "reply") {
            true => Ok(()),
            false => Err("no reply".into()),
        }
    }

    /// `#[tokio::main(flavor = "local")]`: `spawn_local` of a `!Send`
    /// future works in a recording too, on the paused clock.
    fn local() {
        run_main(Flavor::Local, async {
            let shelf = std::rc::Rc::new(std::cell::Cell::new(0));
            let counted = std::rc::Rc::clone(&shelf);
            let count = tokio::task::spawn_local(async move {
                tokio::time::sleep(Duration::from_secs(2)).await;
                counted.set(12);
                say!("counter: done");
            });
            count.await.expect("the count does not panic");
            say!("main: {} jars", shelf.get());
        });
    }

    #[test]
    fn a_local_main_runs_local_tasks_on_the_paused_clock() {
        let recording = record_run(&Program::new("local", "local", local));
        assert_eq!(
            recording.transcript,
            "[2.000s] counter: done\n[2.000s] main: 12 jars"
        );
    }

    #[test]
    fn a_hung_exercise_is_stopped_by_the_tripwire_and_checked() {
        let exercise = Program::fix("lost-reply", "t", hangs, answers, replied);
        let starter = record_run(&exercise);
        assert!(starter.tripped(), "{}", starter.transcript);
        assert_eq!(
            starter.transcript,
            "[0.000s] waiting for a reply\n[60.000s] tripwire: still running after 60.000s of \
             virtual time, so the run was stopped here"
        );
        let solution = record_run(&super::solution_of(&exercise).expect("a fix"));
        assert!(!solution.tripped());
        super::check_exercise(&exercise, &starter, &solution);
        // A lesson's program has no tripwire: only exercises are stopped.
        assert!(matches!(
            Program::new("x", "t", answers).role(),
            crate::Role::Lesson
        ));
    }

    #[test]
    fn an_exercise_that_ships_solved_fails_its_test() {
        let exercise = Program::fix("solved", "t", answers, answers, replied);
        let run = record_run(&exercise);
        let failure = crate::panics::expect_panic(|| super::check_exercise(&exercise, &run, &run));
        assert!(failure.contains("already passes its check"), "{failure}");
    }

    #[test]
    fn an_exercise_whose_solution_fails_fails_its_test() {
        let exercise = Program::fix("broken", "t", hangs, hangs, replied);
        let run = record_run(&exercise);
        let failure = crate::panics::expect_panic(|| super::check_exercise(&exercise, &run, &run));
        assert!(
            failure.contains("solution of exercise \"broken\" fails its check"),
            "{failure}"
        );
    }

    #[test]
    fn transcript_lines_parse() {
        let line = parse_line("[1.500s] order 3 shipped").expect("a line");
        assert_eq!(line.at, Duration::from_millis(1500));
        assert_eq!(line.text, "order 3 shipped");
        assert_eq!(line.to_string(), "[1.500s] order 3 shipped");
        assert_eq!(parse_line("order 3"), None);
        assert_eq!(parse_line("[x s] order"), None);
    }
}
