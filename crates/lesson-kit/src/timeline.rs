//! Lanes: what ran when, recorded while a test runs a program on virtual
//! time, for the timeline picture beside each transcript.
//!
//! A *lane* is one future (or one stretch of blocking code) with a name.
//! While a test records, every poll of a lane is timed on tokio's clock, so
//! the record says when the lane was created, each interval in which it was
//! being polled (running), the gaps between (waiting), and whether it
//! finished or was dropped before it finished (cancelled). A `say!` line
//! belongs to the innermost lane being polled on its thread.
//!
//! The program's root future, or its blocking `main`, is always the lane
//! `main`. Lessons name more lanes with [`Lane::lane`] on any future, or
//! with [`lane`] around blocking code. On `cargo run` nothing is recorded:
//! a lane asks the recorder once, when it is made, then costs one check per
//! poll and prints nothing.

use std::cell::RefCell;
use std::fmt::Display;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use crate::recorder;

/// What one lane did, in time since the program started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaneRecord {
    /// The name given to [`Lane::lane`] or [`lane`]; `main` for the root.
    pub name: String,
    /// When the lane was created (the future built, the blocking code entered).
    pub created: Duration,
    /// Each interval in which the lane was being polled, in order.
    pub running: Vec<(Duration, Duration)>,
    /// How the lane ended, if it did before the recording stopped.
    pub end: Option<End>,
    /// Each `say!` line printed while this was the innermost lane.
    pub lines: Vec<(Duration, String)>,
}

/// How a lane ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// Its future returned `Ready` (or its blocking code returned).
    Finished(Duration),
    /// Its future was dropped before it returned `Ready`.
    Cancelled(Duration),
    /// It panicked: the panic unwound out of its poll (or out of its
    /// blocking code), and it never finished.
    Panicked(Duration),
}

impl End {
    /// When the lane ended.
    pub fn at(self) -> Duration {
        match self {
            End::Finished(at) | End::Cancelled(at) | End::Panicked(at) => at,
        }
    }
}

/// Every lane of one recorded run, in creation order (`main` first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The lanes, in the order they were created.
    pub lanes: Vec<LaneRecord>,
}

/// The name of the lane that collects `say!` lines printed outside of any
/// lane (by a task spawned without `.lane(..)`, or by another thread).
pub const UNNAMED: &str = "(no lane)";

impl Timeline {
    pub(crate) fn new_lane(&mut self, name: String, at: Duration) -> usize {
        self.lanes.push(LaneRecord {
            name,
            created: at,
            running: Vec::new(),
            end: None,
            lines: Vec::new(),
        });
        self.lanes.len() - 1
    }

    /// Files a `say!` line under `lane`, the innermost lane of the thread
    /// that printed it, or under [`UNNAMED`].
    pub(crate) fn say(&mut self, at: Duration, line: String, lane: Option<usize>) {
        let index = match lane {
            Some(index) if index < self.lanes.len() => index,
            _ => match self.lanes.iter().position(|l| l.name == UNNAMED) {
                Some(index) => index,
                None => self.new_lane(UNNAMED.to_string(), at),
            },
        };
        self.lanes[index].lines.push((at, line));
    }

    /// The latest moment anything happened.
    pub fn end(&self) -> Duration {
        let mut end = Duration::ZERO;
        for lane in &self.lanes {
            end = end.max(lane.created);
            end = end.max(lane.end.map_or(Duration::ZERO, End::at));
            if let Some(&(_, to)) = lane.running.last() {
                end = end.max(to);
            }
            if let Some((at, _)) = lane.lines.last() {
                end = end.max(*at);
            }
        }
        end
    }
}

// ---------------------------------------------------------------------------
// The records themselves are the recorder's (recorder.rs), under its lock;
// only the lanes being polled on each thread are that thread's own.

thread_local! {
    /// The lanes being polled on this thread, innermost last: their
    /// recording's generation and index.
    static STACK: RefCell<Vec<(u64, usize)>> = const { RefCell::new(Vec::new()) };
}

/// The innermost lane of recording `generation` being polled on this thread.
pub(crate) fn current_lane(generation: u64) -> Option<usize> {
    STACK.with(|stack| {
        let stack = stack.borrow();
        let mut ours = stack.iter().rev().filter(|(g, _)| *g == generation);
        ours.next().map(|&(_, index)| index)
    })
}

/// A lane of the current recording.
#[derive(Clone, Copy, Debug)]
struct Id {
    generation: u64,
    index: usize,
}

impl Id {
    /// A new lane, if a test records; `None` on `cargo run`.
    fn create(name: &dyn Display) -> Option<Id> {
        if !recorder::recording() {
            return None;
        }
        // Named outside the recorder's lock: the `Display` is the program's.
        let (generation, index) = recorder::new_lane(name.to_string())?;
        Some(Id { generation, index })
    }

    fn with(self, f: impl FnOnce(&mut LaneRecord, Duration)) {
        recorder::with_lane(self.generation, self.index, f);
    }
}

/// One poll (or one run of blocking code) in progress: pushed on entry,
/// timed and popped on exit, also when the poll panics.
struct Entered {
    id: Id,
    since: Option<Duration>,
    /// A future's poll (not a blocking lane): counted in [`POLLS`].
    poll: bool,
}

/// Polls of lane futures in progress, on every thread; and on this one.
/// [`crate::blocking_sleep`] moves the paused clock from whatever thread
/// it blocks; it waits until no other thread is inside a poll first, so
/// that a poll running meanwhile is not timed across the jump.
pub(crate) static POLLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
thread_local! {
    pub(crate) static OWN_POLLS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Held while a poll starts (and its start time is read) and while
/// [`crate::blocking_sleep`] moves the paused clock, so that a jump never
/// falls between a poll's start and its count in [`POLLS`].
pub(crate) static CLOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Polls of lane futures in progress on this thread.
pub(crate) fn own_polls() -> usize {
    OWN_POLLS.with(|own| own.get())
}

/// Polls of lane futures in progress on other threads than this one.
pub(crate) fn polls_elsewhere() -> usize {
    POLLS
        .load(std::sync::atomic::Ordering::SeqCst)
        .saturating_sub(OWN_POLLS.with(|own| own.get()))
}

impl Entered {
    fn poll(id: Id) -> Self {
        let _clock = CLOCK
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        POLLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        OWN_POLLS.with(|own| own.set(own.get() + 1));
        let mut entered = Entered::new(id);
        entered.poll = true;
        entered
    }

    fn new(id: Id) -> Self {
        let mut since = None;
        id.with(|_, at| since = Some(at));
        STACK.with(|stack| stack.borrow_mut().push((id.generation, id.index)));
        Entered {
            id,
            since,
            poll: false,
        }
    }
}

impl Drop for Entered {
    fn drop(&mut self) {
        STACK.with(|stack| stack.borrow_mut().pop());
        if self.poll {
            POLLS.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
            OWN_POLLS.with(|own| own.set(own.get() - 1));
        }
        if let Some(since) = self.since {
            self.id.with(|lane, at| lane.running.push((since, at)));
        }
        // Dropped while a panic unwinds out of the lane's code: it
        // panicked (and is then dropped unfinished, which must not read as
        // a cancellation).
        if std::thread::panicking() {
            self.id.with(|lane, at| lane.end = Some(End::Panicked(at)));
        }
    }
}

/// Puts a future on a named lane of the timeline: `.lane("Task 1")`.
///
/// Works on any future, so it reads like the code around it:
///
/// ```ignore
/// tokio::join!(task1().lane("task1"), task2().lane("task2"));
/// tokio::spawn(download(url).lane(format!("download {n}")));
/// ```
///
/// Outside a recording (`cargo run`) the future runs as it would without
/// it, and nothing extra is printed.
pub trait Lane: Future + Sized {
    /// Wraps the future so that a recording shows it as lane `name`.
    fn lane(self, name: impl Display) -> InLane<Self> {
        InLane {
            id: Id::create(&name),
            done: false,
            inner: Box::pin(self),
        }
    }
}

impl<F: Future> Lane for F {}

/// A future on a named lane; see [`Lane::lane`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct InLane<F> {
    id: Option<Id>,
    done: bool,
    inner: Pin<Box<F>>,
}

impl<F> std::fmt::Debug for InLane<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InLane").field("done", &self.done).finish()
    }
}

impl<F: Future> Future for InLane<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let Some(id) = this.id else {
            return this.inner.as_mut().poll(cx);
        };
        let entered = Entered::poll(id);
        let poll = this.inner.as_mut().poll(cx);
        drop(entered);
        if poll.is_ready() && !this.done {
            this.done = true;
            id.with(|lane, at| lane.end = Some(End::Finished(at)));
        }
        poll
    }
}

impl<F> Drop for InLane<F> {
    fn drop(&mut self) {
        if let (Some(id), false) = (self.id, self.done) {
            id.with(|lane, at| {
                if !matches!(lane.end, Some(End::Panicked(_))) {
                    lane.end = Some(End::Cancelled(at));
                }
            });
        }
    }
}

/// Runs blocking code `f` as lane `name`: the lane runs from the call until
/// `f` returns. The counterpart of [`Lane::lane`] for plain functions:
/// `lane("task1", task1);`.
pub fn lane<R>(name: impl Display, f: impl FnOnce() -> R) -> R {
    let Some(id) = Id::create(&name) else {
        return f();
    };
    let entered = Entered::new(id);
    let result = f();
    drop(entered);
    id.with(|lane, at| lane.end = Some(End::Finished(at)));
    result
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{End, Lane, UNNAMED, lane};
    use crate::{Program, blocking_sleep, record_run, say};

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn demo() -> Program {
        Program::tokio("demo", "demo", || async {
            let worker = tokio::spawn(tokio::time::sleep(secs(5)).lane("worker"));
            tokio::spawn(async { say!("from a task without a lane") });
            let slow = async {
                tokio::time::sleep(secs(3)).await;
                say!("never printed");
            };
            let _ = tokio::time::timeout(secs(1), slow.lane("slow")).await;
            async { blocking_sleep(secs(1)) }.lane("blocker").await;
            worker.abort();
            tokio::task::yield_now().await;
            say!("done");
        })
    }

    #[test]
    fn lanes_record_runs_waits_lines_and_cancellation() {
        let recording = record_run(&demo());
        let lanes = &recording.timeline.lanes;
        let names: Vec<_> = lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["main", "worker", "slow", UNNAMED, "blocker"]);
        let [main, worker, slow, unnamed, blocker] = &lanes[..] else {
            unreachable!()
        };
        assert_eq!(main.end, Some(End::Finished(secs(2))));
        assert_eq!(main.lines, [(secs(2), "[2.000s] done".to_string())]);
        assert_eq!(worker.end, Some(End::Cancelled(secs(2))));
        assert_eq!(slow.end, Some(End::Cancelled(secs(1))));
        assert!(slow.lines.is_empty());
        assert_eq!(unnamed.lines.len(), 1);
        // Blocking inside a poll is running, not waiting.
        assert_eq!(blocker.running, [(secs(1), secs(2))]);
        assert_eq!(
            recording,
            record_run(&demo()),
            "recordings are deterministic"
        );

        let svg = crate::svg::render(&recording.timeline, "t", "demo");
        assert!(svg.contains(">cancelled</text>"));
        assert!(
            !svg.contains("\n\n"),
            "no blank lines: Markdown would end the HTML block"
        );
        assert!(svg.len() < 8_000, "{} bytes", svg.len());
        let desc = crate::svg::summary(&recording.timeline);
        assert!(
            desc.contains("worker ran 0.000s, waited 2.000s and was cancelled at 2.000s"),
            "{desc}"
        );
    }

    #[test]
    fn a_lane_that_panics_is_marked_panicked_not_cancelled() {
        let program = Program::tokio("panics", "panics", || async {
            let shelf = tokio::spawn(
                async {
                    tokio::time::sleep(secs(1)).await;
                    panic!("shelf B: the scanner broke");
                }
                .lane("shelf B"),
            );
            let stopped = tokio::spawn(tokio::time::sleep(secs(5)).lane("shelf C"));
            let _ = shelf.await;
            stopped.abort();
            let _ = stopped.await;
        });
        let recording = record_run(&program);
        let lanes = &recording.timeline.lanes;
        let end = |name: &str| lanes.iter().find(|l| l.name == name).and_then(|l| l.end);
        assert_eq!(end("shelf B"), Some(End::Panicked(secs(1))));
        assert_eq!(end("shelf C"), Some(End::Cancelled(secs(1))));
        let svg = crate::svg::render(&recording.timeline, "t", "panics");
        assert!(svg.contains("shelf B panicked at 1.000s"), "{svg}");
        assert!(svg.contains(">panicked</text>") && svg.contains(">cancelled</text>"));
    }

    #[test]
    fn outside_a_recording_lanes_only_run_the_code() {
        // Recordings see every thread: take a turn, so that no other
        // test's recording sees these lanes.
        let _turn = crate::recorder::Turn::take();
        assert_eq!(lane("x", || 7), 7);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        assert_eq!(runtime.block_on(async { 8 }.lane("y")), 8);
    }

    /// A reply over a real loopback socket, read while a far timer is
    /// pending, by a spawned task (`in_main` false) or by `main`, the
    /// runtime's `block_on` future. tokio's paused clock jumps to the next
    /// timer when the runtime parks and its time driver was not woken
    /// (`park_thread_timeout` in tokio's `runtime/time/mod.rs`); since
    /// tokio 1.53.3 and 1.51.6 (tokio-rs/tokio#8595) a wake on the
    /// runtime's own thread during that park wakes the time driver, so the
    /// reader runs at the time the reply came, not at the timeout's: for a
    /// task through `schedule`, for `main` through its waker's
    /// `wake_by_ref` (both call `unpark_self` in
    /// `runtime/scheduler/current_thread/mod.rs`). Part IV's snapshots
    /// over real sockets rely on both.
    fn echo_with_a_far_timeout(in_main: bool) -> Program {
        Program::tokio("echo", "echo", move || echo(in_main))
    }

    async fn echo(in_main: bool) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(
            async move {
                let (mut socket, _) = listener.accept().await.unwrap();
                // One write, sent at once (no Nagle delay to wait out).
                socket.set_nodelay(true).unwrap();
                tokio::time::sleep(Duration::from_millis(100)).await;
                socket.write_all(b"pong").await.unwrap();
                // Keeps the socket open: dropping it would wake the
                // time driver anyway (a deregistration unparks it).
                std::future::pending::<()>().await;
                drop(socket);
            }
            .lane("server"),
        );
        let client = async move {
            let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            let mut reply = [0; 4];
            let read = tokio::time::timeout(secs(5), stream.read_exact(&mut reply)).await;
            say!(
                "reply {:?}",
                read.map(|_| String::from_utf8_lossy(&reply).into_owned())
            );
        };
        if in_main {
            client.lane("client").await;
        } else {
            tokio::spawn(client.lane("client")).await.unwrap();
        }
        server.abort();
    }

    #[test]
    fn io_readiness_is_taken_at_its_own_time_not_the_next_timers() {
        for in_main in [false, true] {
            for _ in 0..20 {
                let recording = record_run(&echo_with_a_far_timeout(in_main));
                assert_eq!(
                    recording.transcript, "[0.100s] reply Ok(\"pong\")",
                    "read in main: {in_main}"
                );
            }
        }
    }
}
