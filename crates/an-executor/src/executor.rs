//! `executor`: a whole async runtime in one file, std and `futures` only:
//! `block_on`, `spawn` onto a run queue, wakers that put a task back in
//! that queue, and a sorted timer queue on a virtual clock. Its `main` runs three
//! spawned downloads on it, as the event-loop chapter's `interleaving`
//! does on tokio.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-an-executor -- executor`. The lesson's test
//! `tests/part_one.rs` compiles this same file, and runs Part I's programs
//! on it.

// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;

// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;

// ANCHOR: executor
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

type BoxedFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A spawned task: its future (`None` once done), and whether it is in the
/// run queue now. Its waker may be sent to, and woken on, any thread, so
/// `Waker::from` wants `Task: Send + Sync`: the future is `Send`, and the
/// `Mutex` around it makes the task `Sync`.
struct Task {
    future: Mutex<Option<BoxedFuture>>,
    queued: AtomicBool,
    shared: Arc<Shared>,
}

/// What a waker reaches, from any thread: the run queue, the flag of
/// `block_on`'s own future, and the thread to unpark.
struct Shared {
    queue: Mutex<VecDeque<Arc<Task>>>,
    main_woken: AtomicBool,
    thread: thread::Thread,
}

impl Shared {
    fn pop(&self) -> Option<Arc<Task>> {
        self.queue.lock().unwrap().pop_front()
    }
}

/// A task's waker is the task itself: waking it queues it again.
impl Wake for Task {
    fn wake(self: Arc<Self>) {
        // Into the queue once, however often it is woken before it runs.
        if !self.queued.swap(true, SeqCst) {
            let shared = self.shared.clone();
            shared.queue.lock().unwrap().push_back(self);
            shared.thread.unpark();
        }
    }
}

/// The waker of `block_on`'s own future: a flag, and an unpark for the
/// thread, as in tokio.
struct MainWaker(Arc<Shared>);

impl Wake for MainWaker {
    fn wake(self: Arc<Self>) {
        self.0.main_woken.store(true, SeqCst);
        self.0.thread.unpark();
    }
}

/// What only the executor's own thread touches.
struct Local {
    shared: Arc<Shared>,
    /// The timers, sorted: a waker per (deadline, arrival), earliest first.
    timers: BTreeMap<(Duration, u64), Waker>,
    arrivals: u64,
    /// Every task spawned, so that the end of `block_on` can drop them.
    tasks: Vec<Arc<Task>>,
}

thread_local! {
    static RUNTIME: RefCell<Option<Local>> = const { RefCell::new(None) };
    /// The virtual clock, like tokio's paused one: it stands still while
    /// futures run, and jumps to the next deadline when nothing can run.
    /// `block_on` starts it at zero.
    static NOW: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

fn with_runtime<R>(f: impl FnOnce(&mut Local) -> R) -> R {
    RUNTIME.with_borrow_mut(|rt| f(rt.as_mut().expect("not inside block_on")))
}

/// The time on the executor's clock, since `block_on` began.
pub fn now() -> Duration {
    NOW.get()
}

/// Moves the clock by `by`, as blocking the thread moves a real clock:
/// the virtual one moves only when told.
pub fn advance(by: Duration) {
    NOW.set(NOW.get() + by);
}

/// The jump: nothing can run before `deadline`, so go there. It also
/// sleeps the thread that long, so a run on a real machine takes about as
/// long as its clock says; a wake from another thread meanwhile is seen
/// only when the sleep ends.
fn wait_until(deadline: Duration) {
    thread::sleep(deadline.saturating_sub(now()));
    NOW.set(deadline);
}

/// Puts `future` in the run queue as a new task (it runs when `block_on`
/// gets to it, not now), and hands back a handle to await its output.
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let join = Arc::new(Mutex::new(Join {
        output: None,
        waiter: None,
    }));
    let done = join.clone();
    let future = async move {
        let output = future.await;
        let waiter = {
            let mut join = done.lock().unwrap();
            join.output = Some(output);
            join.waiter.take()
        };
        // Woken with the lock released: the waiter may poll at once.
        if let Some(waiter) = waiter {
            waiter.wake();
        }
    };
    let task = with_runtime(|rt| {
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(future))),
            queued: AtomicBool::new(false),
            shared: rt.shared.clone(),
        });
        rt.tasks.push(task.clone());
        task
    });
    task.wake();
    JoinHandle(join)
}

struct Join<T> {
    output: Option<T>,
    waiter: Option<Waker>,
}

/// A spawned task's output, once it is done. (Polled again after that, it
/// stays pending; tokio's panics.)
pub struct JoinHandle<T>(Arc<Mutex<Join<T>>>);

impl<T> Future for JoinHandle<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut join = self.0.lock().unwrap();
        match join.output.take() {
            Some(output) => Poll::Ready(output),
            None => {
                join.waiter = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// A timer: ready once the clock reads `deadline`.
pub struct Sleep {
    deadline: Duration,
    key: Option<(Duration, u64)>,
}

/// `tokio::time::sleep` on this clock: the deadline is fixed now.
pub fn sleep(duration: Duration) -> Sleep {
    sleep_until(now() + duration)
}

pub fn sleep_until(deadline: Duration) -> Sleep {
    Sleep {
        deadline,
        key: None,
    }
}

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if now() >= self.deadline {
            return Poll::Ready(());
        }
        let (deadline, key) = (self.deadline, self.key);
        self.key = Some(with_runtime(|rt| {
            // One entry per timer: polled again, it replaces its waker.
            let key = key.filter(|k| rt.timers.contains_key(k));
            let key = key.unwrap_or_else(|| {
                rt.arrivals += 1;
                (deadline, rt.arrivals)
            });
            rt.timers.insert(key, cx.waker().clone());
            key
        }));
        Poll::Pending
    }
}

/// A timer dropped before it is due (a lost race) leaves the queue, so it
/// no longer decides where the clock jumps.
impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some(key) = self.key {
            let _ = RUNTIME.try_with(|rt| {
                if let Ok(mut rt) = rt.try_borrow_mut()
                    && let Some(rt) = rt.as_mut()
                {
                    rt.timers.remove(&key);
                }
            });
        }
    }
}

/// Wakes its own task at once, so it goes to the back of the queue: the
/// tasks queued before it run first. (Tokio defers that wake; see below.)
pub async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await
}

/// Runs `future` (the program's `main`) and every task it spawns, on this
/// thread, until `future` is done; then drops the tasks left.
pub fn block_on<F: Future>(future: F) -> F::Output {
    assert!(
        RUNTIME.with_borrow(Option::is_none),
        "block_on inside block_on: this thread runs an executor already"
    );
    let shared = Arc::new(Shared {
        queue: Mutex::default(),
        main_woken: AtomicBool::new(true),
        thread: thread::current(),
    });
    let main_waker = Waker::from(Arc::new(MainWaker(shared.clone())));
    NOW.set(Duration::ZERO);
    RUNTIME.set(Some(Local {
        shared: shared.clone(),
        timers: BTreeMap::new(),
        arrivals: 0,
        tasks: Vec::new(),
    }));
    let mut future = pin!(future);
    let output = loop {
        // As tokio's current_thread does: `block_on`'s future first, if
        // it was woken...
        if shared.main_woken.swap(false, SeqCst)
            && let Poll::Ready(output) = future.as_mut().poll(&mut Context::from_waker(&main_waker))
        {
            break output;
        }
        // ...then the queued tasks, in the order they were woken, at most
        // 61 (tokio's `event_interval`): a task that keeps waking itself
        // cannot keep `main` and the timers waiting...
        for _ in 0..61 {
            let Some(task) = shared.pop() else { break };
            task.queued.store(false, SeqCst);
            let waker = Waker::from(task.clone());
            let mut slot = task.future.lock().unwrap();
            if let Some(future) = slot.as_mut()
                && future
                    .as_mut()
                    .poll(&mut Context::from_waker(&waker))
                    .is_ready()
            {
                *slot = None;
            }
        }
        // ...then the timers. If nothing can run and none is due, the
        // clock jumps to the next deadline; with no timer either, only
        // another thread can wake us: park until it does.
        let idle = shared.queue.lock().unwrap().is_empty() && !shared.main_woken.load(SeqCst);
        let next = with_runtime(|rt| rt.timers.keys().next().map(|(deadline, _)| *deadline));
        match next {
            Some(deadline) if idle && deadline > now() => wait_until(deadline),
            None if idle => thread::park(),
            _ => {}
        }
        let due = with_runtime(|rt| {
            let later = rt.timers.split_off(&(now(), u64::MAX));
            std::mem::replace(&mut rt.timers, later)
        });
        for waker in due.into_values() {
            waker.wake();
        }
    };
    // The end, as when a tokio runtime is dropped: the tasks still alive
    // are dropped unfinished (their destructors run, nothing more). The
    // runtime stays until they are gone, as a destructor may drop a timer,
    // wake a task, or spawn one (dropped in the next round); the queue,
    // which those wakes fill, is emptied last.
    loop {
        let tasks = with_runtime(|rt| std::mem::take(&mut rt.tasks));
        if tasks.is_empty() {
            break;
        }
        for task in tasks {
            let unfinished = task.future.lock().unwrap().take();
            drop(unfinished);
        }
    }
    RUNTIME.set(None);
    shared.queue.lock().unwrap().clear();
    output
}
// ANCHOR_END: executor

#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: main
async fn download(file: &'static str, seconds: u64) {
    say!("{file}: connecting");
    // Back of the queue: the other downloads connect first.
    yield_now().await;
    say!("{file}: connected, downloading for {seconds} s");
    // A timer in the queue; this task waits until the clock reaches it.
    sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

// ANCHOR_END: main
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: main
fn main() {
    // ANCHOR_END: main
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: main
    block_on(async {
        // Queued in this order; none runs until `main` waits.
        let downloads = [
            spawn(download("report.pdf", 2)),
            spawn(download("photo.jpg", 1)),
            spawn(download("song.mp3", 3)),
        ];
        say!("main: three downloads spawned");
        for download in downloads {
            download.await;
        }
        say!("main: all downloads done");
    });
}
// ANCHOR_END: main

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
