//! Part I's programs, unchanged, on this lesson's executor
//! (`src/executor.rs`), compared line for line, timestamps included, with
//! the tokio snapshots their own chapters show.
//!
//! Each program file is compiled here as it is (`#[path]`), in its test
//! configuration: its hidden lines call `lesson_kit::say!` and
//! `lesson_kit::main`, and its code calls `tokio::time::sleep`,
//! `tokio::spawn`, `tokio::join!`. In this test crate both names mean the
//! crate itself (the `extern crate self` lines below), so each of those
//! calls lands on what this file defines: the executor's `block_on`,
//! `spawn` and timers, and a `say!` stamped with the executor's virtual
//! clock. No tokio runtime exists here (every `say!` checks); `join!` is
//! tokio's own macro, a future that polls its branches and needs no
//! runtime. Run it: `cargo test -p lesson-an-executor --test part_one`.

// by_hand.rs drops its runtime; this one's `Runtime` holds nothing to drop
// (`block_on` dropped its tasks already).
#![allow(clippy::drop_non_drop)]

// ANCHOR: names
extern crate lesson_kit as kit;
extern crate tokio as real_tokio;
// Here, `lesson_kit::..` and `tokio::..` are this file's own items.
extern crate self as lesson_kit;
extern crate self as tokio;

#[path = "../src/executor.rs"]
mod executor;

// What the programs' `tokio::..` find.
pub use real_tokio::join;

pub fn spawn<F>(future: F) -> task::JoinHandle<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    task::JoinHandle(executor::spawn(future))
}

pub mod time {
    pub use crate::executor::sleep;
    use std::time::Duration;

    /// A point on the executor's clock.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub struct Instant(Duration);

    impl Instant {
        pub fn now() -> Instant {
            Instant(crate::executor::now())
        }
    }

    impl std::ops::Add<Duration> for Instant {
        type Output = Instant;
        fn add(self, duration: Duration) -> Instant {
            Instant(self.0 + duration)
        }
    }

    pub fn sleep_until(deadline: Instant) -> crate::executor::Sleep {
        crate::executor::sleep_until(deadline.0)
    }
}
// ANCHOR_END: names

pub mod task {
    pub use crate::executor::yield_now;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    /// tokio's `JoinHandle` gives a `Result`; this executor's task cannot
    /// fail (a panic goes through `block_on`), so it is always `Ok`.
    pub struct JoinHandle<T>(pub(crate) crate::executor::JoinHandle<T>);

    #[derive(Debug)]
    pub struct JoinError;

    impl<T> Future for JoinHandle<T> {
        type Output = Result<T, JoinError>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            Pin::new(&mut self.0).poll(cx).map(Ok)
        }
    }

    /// `JoinSet`, as far as Part I uses it: `join_next` looks at the
    /// handles in the order they were spawned and takes the first one done
    /// (tokio's gives them in the order they finish), and dropping the set
    /// does not abort its tasks (tokio's does).
    pub struct JoinSet<T>(Vec<crate::executor::JoinHandle<T>>);

    impl<T: Send + 'static> JoinSet<T> {
        #[allow(clippy::new_without_default)]
        pub fn new() -> Self {
            JoinSet(Vec::new())
        }

        pub fn spawn(&mut self, task: impl Future<Output = T> + Send + 'static) {
            self.0.push(crate::executor::spawn(task));
        }

        pub async fn join_next(&mut self) -> Option<Result<T, JoinError>> {
            if self.0.is_empty() {
                return None;
            }
            std::future::poll_fn(|cx| {
                for i in 0..self.0.len() {
                    if let Poll::Ready(output) = Pin::new(&mut self.0[i]).poll(cx) {
                        self.0.remove(i);
                        return Poll::Ready(Some(Ok(output)));
                    }
                }
                Poll::Pending
            })
            .await
        }
    }
}

pub mod sync {
    pub mod mpsc {
        //! tokio's unbounded channel over `futures`' one.
        use futures::StreamExt;
        use futures::channel::mpsc;

        pub struct UnboundedSender<T>(mpsc::UnboundedSender<T>);
        pub struct UnboundedReceiver<T>(mpsc::UnboundedReceiver<T>);

        pub fn unbounded_channel<T>() -> (UnboundedSender<T>, UnboundedReceiver<T>) {
            let (sender, receiver) = mpsc::unbounded();
            (UnboundedSender(sender), UnboundedReceiver(receiver))
        }

        impl<T> UnboundedSender<T> {
            pub fn send(&self, message: T) -> Result<(), mpsc::TrySendError<T>> {
                self.0.unbounded_send(message)
            }
        }

        impl<T> UnboundedReceiver<T> {
            pub async fn recv(&mut self) -> Option<T> {
                self.0.next().await
            }
        }
    }
}

pub mod runtime {
    //! `Builder::new_current_thread()..build()` builds this executor, the
    //! one flavor it has. `Runtime::block_on` is the executor's whole life:
    //! its tasks are dropped when `block_on` returns, where tokio drops them
    //! with the `Runtime`. `Handle::current()` is a stub that always says
    //! `CurrentThread` (tokio's panics outside a runtime).
    pub struct Builder;
    pub struct Runtime;
    pub struct Handle;

    #[derive(Debug)]
    pub enum RuntimeFlavor {
        CurrentThread,
    }

    impl Builder {
        pub fn new_current_thread() -> Builder {
            Builder
        }
        pub fn enable_all(&mut self) -> &mut Builder {
            self
        }
        pub fn build(&mut self) -> std::io::Result<Runtime> {
            Ok(Runtime)
        }
    }

    impl Runtime {
        pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
            crate::executor::block_on(future)
        }
    }

    impl Handle {
        pub fn current() -> Handle {
            Handle
        }
        pub fn runtime_flavor(&self) -> RuntimeFlavor {
            RuntimeFlavor::CurrentThread
        }
    }
}

// ANCHOR: kit
// What the programs' hidden `lesson_kit::..` lines find. The kit's own
// `#[main]` and `#[lane]` rewrite the functions as in every lesson; the
// lanes record nothing here (no kit recording runs).
pub use kit::{Flavor, Lane, lane, main};

/// `#[tokio::main(flavor = "current_thread")]`'s body, on this executor.
pub fn run_main<T>(flavor: Flavor, main: impl std::future::Future<Output = T>) -> T {
    assert_eq!(
        flavor,
        Flavor::CurrentThread,
        "this executor has one thread"
    );
    executor::block_on(main)
}

/// A plain `fn main`.
pub fn run_blocking_main<T>(main: impl FnOnce() -> T) -> T {
    main()
}

/// `thread::sleep` in the programs: blocking the thread moves the
/// executor's clock by the full amount, and returns at once.
pub mod thread {
    pub use std::thread::*;

    pub fn sleep(duration: std::time::Duration) {
        crate::executor::advance(duration)
    }
}

thread_local! {
    static TRANSCRIPT: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `say!`'s line, stamped with the executor's clock.
pub fn say_line(message: std::fmt::Arguments<'_>) {
    assert!(
        real_tokio::runtime::Handle::try_current().is_err(),
        "no tokio runtime runs here"
    );
    let at = executor::now().as_secs_f64();
    TRANSCRIPT.with_borrow_mut(|lines| lines.push(format!("[{at:.3}s] {message}")));
}
// ANCHOR_END: kit

/// Runs `f` on a thread of its own (a fresh clock), and fails the test if
/// it has not returned within 30 s (a lost wake-up parks for ever).
fn on_a_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let _ = done.send(outcome);
    });
    match result.recv_timeout(std::time::Duration::from_secs(30)) {
        Ok(Ok(value)) => value,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(_) => panic!("no return after 30 s: the executor hangs (a lost wake-up?)"),
    }
}

/// Runs a program's `main` on a thread of its own and returns what it said.
fn on_this_executor(program: fn()) -> Vec<String> {
    on_a_thread(move || {
        program();
        TRANSCRIPT.take()
    })
}

/// The lines of a lesson's tokio snapshot, `crates/<lesson>/src/snapshots/<name>.snap`.
fn tokio_snapshot(lesson: &str, name: &str) -> Vec<String> {
    snapshot(&format!("../{lesson}/src/snapshots/{name}.snap"))
}

/// The lines of the snapshot at `path` (from this crate's directory).
fn snapshot(path: &str) -> Vec<String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR");
    let path = std::path::Path::new(&manifest).join(path);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()));
    // After the insta header: `---`, `source: ..`, `---`.
    text.lines().skip(3).map(str::to_string).collect()
}

/// `test`: program `module::program()`'s transcript on this executor equals
/// its tokio snapshot `lesson`/`name`.
macro_rules! equals_tokio {
    ($($test:ident: $module:ident ($path:literal) == $lesson:literal / $name:literal;)*) => {$(
        #[path = $path]
        mod $module;

        #[test]
        fn $test() {
            let executor = on_this_executor($module::program);
            let tokio = tokio_snapshot($lesson, $name);
            assert_eq!(
                executor, tokio,
                "\n{}/{}: this executor's transcript (left) differs from its tokio snapshot (right)",
                $lesson, $name
            );
        }
    )*};
}

equals_tokio! {
    sync_vs_async_blocking_equals_its_tokio_snapshot:
        blocking ("../../sync-vs-async/src/blocking.rs") == "sync-vs-async" / "blocking";
    sync_vs_async_non_blocking_equals_its_tokio_snapshot:
        non_blocking ("../../sync-vs-async/src/non_blocking.rs") == "sync-vs-async" / "non-blocking";
    sync_vs_async_weather_station_equals_its_tokio_snapshot:
        weather_station ("../../sync-vs-async/src/exercises/weather_station.rs") == "sync-vs-async" / "weather-station";
    sync_vs_async_slow_checkout_equals_its_tokio_snapshot:
        slow_checkout ("../../sync-vs-async/src/exercises/slow_checkout.rs") == "sync-vs-async" / "slow-checkout";
    sync_vs_async_slow_checkout_solution_equals_its_tokio_snapshot:
        slow_checkout_solution ("../../sync-vs-async/src/exercises/slow_checkout_solution.rs") == "sync-vs-async" / "slow-checkout-solution";
    futures_are_lazy_coroutine_equals_its_tokio_snapshot:
        coroutine ("../../futures-are-lazy/src/coroutine.rs") == "futures-are-lazy" / "coroutine";
    futures_are_lazy_lazy_equals_its_tokio_snapshot:
        lazy ("../../futures-are-lazy/src/lazy.rs") == "futures-are-lazy" / "lazy";
    futures_are_lazy_never_awaited_equals_its_tokio_snapshot:
        never_awaited ("../../futures-are-lazy/src/never_awaited.rs") == "futures-are-lazy" / "never-awaited";
    futures_are_lazy_normal_function_equals_its_tokio_snapshot:
        normal_function ("../../futures-are-lazy/src/normal_function.rs") == "futures-are-lazy" / "normal-function";
    futures_are_lazy_spawn_is_eager_equals_its_tokio_snapshot:
        spawn_is_eager ("../../futures-are-lazy/src/spawn_is_eager.rs") == "futures-are-lazy" / "spawn-is-eager";
    futures_are_lazy_forgotten_orders_equals_its_tokio_snapshot:
        forgotten_orders ("../../futures-are-lazy/src/exercises/forgotten_orders.rs") == "futures-are-lazy" / "forgotten-orders";
    futures_are_lazy_forgotten_orders_solution_equals_its_tokio_snapshot:
        forgotten_orders_solution ("../../futures-are-lazy/src/exercises/forgotten_orders_solution.rs") == "futures-are-lazy" / "forgotten-orders-solution";
    futures_are_lazy_tea_and_coffee_equals_its_tokio_snapshot:
        tea_and_coffee ("../../futures-are-lazy/src/exercises/tea_and_coffee.rs") == "futures-are-lazy" / "tea-and-coffee";
    event_loop_by_hand_equals_its_tokio_snapshot:
        by_hand ("../../event-loop/src/by_hand.rs") == "event-loop" / "by-hand";
    event_loop_leftover_task_equals_its_tokio_snapshot:
        leftover_task ("../../event-loop/src/leftover_task.rs") == "event-loop" / "leftover-task";
    event_loop_dinner_service_equals_its_tokio_snapshot:
        dinner_service ("../../event-loop/src/exercises/dinner_service.rs") == "event-loop" / "dinner-service";
    event_loop_unsent_receipts_equals_its_tokio_snapshot:
        unsent_receipts ("../../event-loop/src/exercises/unsent_receipts.rs") == "event-loop" / "unsent-receipts";
    event_loop_unsent_receipts_solution_equals_its_tokio_snapshot:
        unsent_receipts_solution ("../../event-loop/src/exercises/unsent_receipts_solution.rs") == "event-loop" / "unsent-receipts-solution";
    sequential_vs_concurrent_await_foo_equals_its_tokio_snapshot:
        await_foo ("../../sequential-vs-concurrent/src/await_foo.rs") == "sequential-vs-concurrent" / "await-foo";
    sequential_vs_concurrent_sequential_equals_its_tokio_snapshot:
        sequential ("../../sequential-vs-concurrent/src/sequential.rs") == "sequential-vs-concurrent" / "sequential";
    sequential_vs_concurrent_joined_equals_its_tokio_snapshot:
        joined ("../../sequential-vs-concurrent/src/joined.rs") == "sequential-vs-concurrent" / "joined";
    sequential_vs_concurrent_join_rotates_equals_its_tokio_snapshot:
        join_rotates ("../../sequential-vs-concurrent/src/join_rotates.rs") == "sequential-vs-concurrent" / "join-rotates";
    sequential_vs_concurrent_customer_page_equals_its_tokio_snapshot:
        customer_page ("../../sequential-vs-concurrent/src/exercises/customer_page.rs") == "sequential-vs-concurrent" / "customer-page";
    sequential_vs_concurrent_customer_page_solution_equals_its_tokio_snapshot:
        customer_page_solution ("../../sequential-vs-concurrent/src/exercises/customer_page_solution.rs") == "sequential-vs-concurrent" / "customer-page-solution";
    sequential_vs_concurrent_two_dishes_equals_its_tokio_snapshot:
        two_dishes ("../../sequential-vs-concurrent/src/exercises/two_dishes.rs") == "sequential-vs-concurrent" / "two-dishes";
}

// ANCHOR: differences
// Two programs print otherwise, each for a reason the chapter explains.
#[path = "../../event-loop/src/interleaving.rs"]
mod interleaving;
#[path = "../../futures-are-lazy/src/spawn_budget.rs"]
mod spawn_budget;

/// tokio's `yield_now` defers its waker until the run queue is empty, then
/// wakes the deferred ones last first; this one wakes its task at once, to
/// the back of the queue. So the three `connected` lines come in the order
/// the downloads yielded, and everything else is the same.
#[test]
fn event_loop_interleaving_differs_only_in_the_order_after_yield_now() {
    let executor = on_this_executor(interleaving::program);
    let mut tokio = tokio_snapshot("event-loop", "interleaving");
    assert!(tokio[4].contains("song.mp3: connected"), "{tokio:#?}");
    tokio[4..7].reverse();
    assert_eq!(executor, tokio);
}

/// tokio gives each task a budget of 128 operations per poll; this
/// executor has none, so `main` receives all 200 messages in one poll, and
/// returns before the logger task ever runs (it is dropped unstarted).
#[test]
fn futures_are_lazy_spawn_budget_differs_only_by_tokios_budget() {
    let executor = on_this_executor(spawn_budget::program);
    let mut tokio = tokio_snapshot("futures-are-lazy", "spawn-budget");
    let logger = tokio.remove(1);
    assert!(
        logger.contains("logger: started; main has received 128"),
        "{logger}"
    );
    assert_eq!(executor, tokio);
}
// ANCHOR_END: differences

// What no Part I program pins: `main` polled first when woken, and timers
// due at the same instant woken in the order they were set. `ovens` is
// recorded on tokio by `tests/on_tokio.rs`; here it runs on the executor.
#[path = "pins/ovens.rs"]
mod ovens;

#[test]
fn ovens_equals_its_tokio_recording() {
    let executor = on_this_executor(ovens::program);
    let tokio = snapshot("tests/pins/snapshots/ovens.snap");
    assert_eq!(
        executor, tokio,
        "\novens: this executor's transcript (left) differs from tokio's (right)"
    );
}

// The executor's own promises, which no tokio snapshot shows.
mod promises {
    use super::{executor, on_a_thread};
    use futures::FutureExt;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    /// A task that yields a million times does not keep `main` waiting for
    /// all of them: a pass over the queue polls at most 61 tasks.
    #[test]
    fn a_task_that_keeps_yielding_does_not_starve_main() {
        let spins = on_a_thread(|| {
            executor::block_on(async {
                let spins = Arc::new(AtomicUsize::new(0));
                let counter = spins.clone();
                executor::spawn(async move {
                    for _ in 0..1_000_000 {
                        counter.fetch_add(1, SeqCst);
                        executor::yield_now().await;
                    }
                });
                executor::yield_now().await;
                spins.load(SeqCst)
            })
        });
        assert!(
            (1..=61).contains(&spins),
            "main came back after {spins} polls of the spinner, not at most 61"
        );
    }

    /// A 5 s timer that lost a race (polled once, then dropped) does not
    /// make the clock jump to 5 s while `main` waits for another thread.
    #[test]
    fn a_dropped_sleep_no_longer_decides_where_the_clock_jumps() {
        let at = on_a_thread(|| {
            executor::block_on(async {
                assert!(
                    executor::sleep(Duration::from_secs(5))
                        .now_or_never()
                        .is_none()
                );
                let (answer, answered) = futures::channel::oneshot::channel();
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_millis(10));
                    answer.send(()).unwrap();
                });
                answered.await.unwrap();
                executor::now()
            })
        });
        assert_eq!(at, Duration::ZERO, "the clock jumped for a dropped timer");
    }

    /// Dropped at the end of `block_on`, a task's destructor may wake
    /// another task, spawn one, and drop a timer; every destructor runs,
    /// and the thread can run `block_on` again.
    #[test]
    fn destructors_at_shutdown_may_wake_spawn_and_drop_timers() {
        struct Guard(&'static str, Arc<Mutex<Vec<&'static str>>>);
        impl Drop for Guard {
            fn drop(&mut self) {
                self.1.lock().unwrap().push(self.0);
            }
        }
        struct Waking(Arc<Mutex<Option<std::task::Waker>>>, Guard);
        impl Drop for Waking {
            fn drop(&mut self) {
                if let Some(waker) = self.0.lock().unwrap().take() {
                    waker.wake();
                }
                let late = Guard("spawned at shutdown", self.1.1.clone());
                executor::spawn(async move { drop(late) });
            }
        }
        let (dropped, then) = on_a_thread(|| {
            let dropped = Arc::new(Mutex::new(Vec::new()));
            let waker = Arc::new(Mutex::new(None));
            let (stuck, woken) = (Guard("stuck", dropped.clone()), waker.clone());
            let waking = Waking(waker, Guard("sleeper", dropped.clone()));
            executor::block_on(async move {
                executor::spawn(async move {
                    let _stuck = stuck;
                    std::future::poll_fn(|cx| {
                        *woken.lock().unwrap() = Some(cx.waker().clone());
                        std::task::Poll::<()>::Pending
                    })
                    .await
                });
                executor::spawn(async move {
                    let _waking = waking;
                    executor::sleep(Duration::from_secs(10)).await;
                });
                executor::yield_now().await;
            });
            let then = executor::block_on(async {
                executor::sleep(Duration::from_secs(1)).await;
                executor::now()
            });
            let dropped = dropped.lock().unwrap().clone();
            (dropped, then)
        });
        let mut sorted = dropped.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["sleeper", "spawned at shutdown", "stuck"],
            "{dropped:?}"
        );
        assert_eq!(then, Duration::from_secs(1));
    }

    /// `block_on` inside `block_on` stops at once, with a message.
    #[test]
    fn block_on_inside_block_on_panics() {
        // On the test's own thread (a thread of its own per test), so the
        // expected panic prints one line, not a backtrace.
        let message = kit::panics::expect_panic(|| {
            executor::block_on(async { executor::block_on(async {}) })
        });
        assert!(message.contains("block_on inside block_on"), "{message}");
    }
}

// `say!` last: defined here, it is in scope (by text) only below, so the
// programs above reach it only by their `use lesson_kit::say;`.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say_line(::std::format_args!($($arg)*))
    };
}
