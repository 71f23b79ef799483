//! The one recorder: what `say!` and the lanes write into while a program
//! runs, behind one lock.
//!
//! A run's shared state is one [`Recorder`] in one `Mutex`: which thread
//! holds the turn, when the run started and which clock it reads, and,
//! while a test records, the printed lines and the timeline. Every thread
//! writes there: a program prints and polls lanes from its own thread,
//! from tokio's blocking pool, from threads and runtimes it starts itself,
//! and nothing marks those threads as the program's. So programs take
//! turns ([`Turn`]): one runs at a time in a process, and tests running on
//! parallel threads can never mix their recordings. (A line printed
//! outside of any program's run, by a test calling `say!` itself, would
//! still land in the run of the moment; the kit's own such test takes a
//! turn. No lesson test prints outside a program.)
//!
//! The only other state is per thread, the lanes being polled on it
//! (`STACK` in `timeline.rs`); its entries name their recording.

use std::marker::PhantomData;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread::ThreadId;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::time::Instant;

use crate::timeline::{self, LaneRecord, Timeline};

struct Recorder {
    /// The program running now; also started by a `say!` outside of any
    /// run (a unit test calling a lesson's function), which then prints.
    run: Option<Run>,
    /// Counts recordings, so a lane of an earlier one never writes into a
    /// later one (a task that outlived its run, on a thread of its own).
    generation: u64,
    /// The thread holding the [`Turn`], if one is taken.
    taken: Option<ThreadId>,
}

struct Run {
    start: Instant,
    /// `Some` while a test records; `None` prints to stdout.
    tape: Option<Tape>,
}

/// What a test's recording keeps.
struct Tape {
    generation: u64,
    /// The paused runtime of the recording, so threads outside it (a
    /// `std::thread::spawn`, a blocking-pool thread) read the same clock.
    clock: Handle,
    lines: Vec<String>,
    timeline: Timeline,
}

static RECORDER: Mutex<Recorder> = Mutex::new(Recorder {
    run: None,
    generation: 0,
    taken: None,
});
/// Signalled when a turn ends.
static TURN_ENDED: Condvar = Condvar::new();

fn recorder() -> MutexGuard<'static, Recorder> {
    // A panic never leaves the recorder half-written: keep using it.
    RECORDER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Run {
    /// Time since the start, on the run's clock: the paused one while
    /// recording, even from a thread that is not inside the runtime.
    fn elapsed(&self) -> Duration {
        let now = match &self.tape {
            Some(tape) if Handle::try_current().is_err() => {
                let _inside = tape.clock.enter();
                Instant::now()
            }
            _ => Instant::now(),
        };
        now.saturating_duration_since(self.start)
    }
}

/// Prints (or, while recording, records) one line, stamped with the time.
pub(crate) fn say(message: &str) {
    let mut recorder = recorder();
    let run = recorder.run.get_or_insert_with(|| Run {
        start: Instant::now(),
        tape: None,
    });
    let at = run.elapsed();
    let line = format!("[{:.3}s] {message}", at.as_secs_f64());
    match &mut run.tape {
        Some(tape) => {
            let lane = timeline::current_lane(tape.generation);
            tape.timeline.say(at, line.clone(), lane);
            tape.lines.push(line);
        }
        // Under the lock, so lines from several threads stay whole and in
        // the order of their stamps.
        None => println!("{line}"),
    }
}

/// The paused runtime of the recording in progress, if any.
pub(crate) fn virtual_clock() -> Option<Handle> {
    let recorder = recorder();
    let tape = recorder.run.as_ref()?.tape.as_ref()?;
    Some(tape.clock.clone())
}

/// Whether a test records now.
pub(crate) fn recording() -> bool {
    recorder()
        .run
        .as_ref()
        .is_some_and(|run| run.tape.is_some())
}

/// Adds a lane to the recording in progress: its generation and index.
pub(crate) fn new_lane(name: String) -> Option<(u64, usize)> {
    let mut recorder = recorder();
    let run = recorder.run.as_mut()?;
    let at = run.elapsed();
    let tape = run.tape.as_mut()?;
    Some((tape.generation, tape.timeline.new_lane(name, at)))
}

/// Runs `f` on lane `index` of recording `generation`, with the time, if
/// that recording is still the one in progress.
pub(crate) fn with_lane(generation: u64, index: usize, f: impl FnOnce(&mut LaneRecord, Duration)) {
    let mut recorder = recorder();
    let Some(run) = recorder.run.as_mut() else {
        return;
    };
    let at = run.elapsed();
    if let Some(tape) = run.tape.as_mut().filter(|t| t.generation == generation)
        && let Some(lane) = tape.timeline.lanes.get_mut(index)
    {
        f(lane, at);
    }
}

/// The right to run a program: one at a time in a process. Ends the run
/// when dropped, also when the program panics.
pub(crate) struct Turn {
    /// Dropped on the thread that took it.
    _here: PhantomData<*const ()>,
}

impl Turn {
    /// Waits until no other program runs in this process.
    ///
    /// # Panics
    ///
    /// When this thread already holds the turn: a program that ran or
    /// recorded a program would wait for itself.
    #[track_caller]
    pub(crate) fn take() -> Turn {
        match Turn::try_take() {
            Ok(turn) => turn,
            Err(nested) => panic!("{nested}"),
        }
    }

    /// [`Turn::take`], or why this thread cannot wait for the turn.
    fn try_take() -> Result<Turn, &'static str> {
        let me = std::thread::current().id();
        let mut recorder = recorder();
        if recorder.taken == Some(me) {
            return Err(
                "a program cannot run or record another program (it would wait for its own turn)",
            );
        }
        while recorder.taken.is_some() {
            recorder = TURN_ENDED
                .wait(recorder)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        recorder.taken = Some(me);
        Ok(Turn { _here: PhantomData })
    }

    /// Starts a run on real time that prints to stdout.
    pub(crate) fn print(&self, start: Instant) {
        recorder().run = Some(Run { start, tape: None });
    }

    /// Starts a recording on the paused runtime `clock`.
    pub(crate) fn record(&self, start: Instant, clock: Handle) {
        let mut recorder = recorder();
        recorder.generation += 1;
        let tape = Tape {
            generation: recorder.generation,
            clock,
            lines: Vec::new(),
            timeline: Timeline::default(),
        };
        recorder.run = Some(Run {
            start,
            tape: Some(tape),
        });
    }

    /// Ends the run and returns what it recorded: its lines and timeline.
    pub(crate) fn finish(self) -> (Vec<String>, Timeline) {
        let tape = recorder().run.take().and_then(|run| run.tape);
        tape.map(|t| (t.lines, t.timeline)).unwrap_or_default()
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        let mut recorder = recorder();
        recorder.run = None;
        recorder.taken = None;
        drop(recorder);
        TURN_ENDED.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::time::Duration;

    use super::Turn;
    use crate::{Lane, Program, blocking_sleep, lane, record, record_run, say};

    /// Prints from every kind of thread a program uses, each line tagged.
    fn tagged(tag: &'static str) -> Program {
        Program::tokio(tag, tag, move || async move {
            say!("{tag}: main");
            let sleeper = tokio::spawn(
                async move {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    say!("{tag}: task");
                }
                .lane(format!("{tag} task")),
            );
            tokio::task::spawn_blocking(move || {
                lane(format!("{tag} pool"), || {
                    blocking_sleep(Duration::from_millis(200));
                    say!("{tag}: blocking pool");
                });
            })
            .await
            .unwrap();
            std::thread::spawn(move || say!("{tag}: own thread"))
                .join()
                .unwrap();
            sleeper.await.unwrap();
            say!("{tag}: done");
        })
    }

    #[test]
    fn recordings_on_parallel_threads_never_mix() {
        let tags = ["a", "b", "c", "d"];
        let alone: Vec<_> = tags.iter().map(|tag| record_run(&tagged(tag))).collect();
        for (tag, recording) in tags.iter().zip(&alone) {
            assert_eq!(recording.transcript.lines().count(), 5);
            assert!(
                recording
                    .transcript
                    .lines()
                    .all(|l| l.contains(&format!("] {tag}: "))),
                "{}",
                recording.transcript
            );
        }
        std::thread::scope(|scope| {
            for (tag, alone) in tags.iter().zip(&alone) {
                scope.spawn(move || {
                    let program = tagged(tag);
                    // Mixing shows at once (it did on the first runs when
                    // the turn's wait was removed): a few runs suffice.
                    for _ in 0..4 {
                        assert_eq!(
                            record_run(&program),
                            *alone,
                            "program {tag:?}'s recording changed while other threads recorded"
                        );
                    }
                });
            }
        });
    }

    #[test]
    fn a_program_that_panics_ends_its_run() {
        let panics = Program::tokio("panics", "panics", || async {
            say!("before the panic");
            // Unwinds as `panic!` does, without the panic hook (which
            // would capture a backtrace under RUST_BACKTRACE=1: slow).
            std::panic::resume_unwind(Box::new("the program's own panic"));
        });
        let caught = catch_unwind(AssertUnwindSafe(|| record(&panics)));
        assert!(caught.is_err());
        // The turn was given back, and the next run starts afresh.
        assert_eq!(
            record(&tagged("after")).lines().next(),
            Some("[0.000s] after: main")
        );
    }

    #[test]
    fn a_program_cannot_record_a_program() {
        // Checked without a panic, which would capture a backtrace under
        // RUST_BACKTRACE=1 (slow); `Turn::take` panics with this message.
        let nested = Program::blocking("nested", "nested", || {
            let refused = Turn::try_take().map(drop);
            assert_eq!(
                refused,
                Err(
                    "a program cannot run or record another program (it would wait for its own turn)"
                )
            );
            say!("refused");
        });
        assert_eq!(record(&nested), "[0.000s] refused");
        // The turn is free again.
        drop(Turn::try_take().expect("no program runs"));
    }
}
