//! Structured concurrency.
//!
//! `orphan`: an order request spawns three service calls with
//! `tokio::spawn`, and `?` leaves it at the first error while two calls run
//! on. `scoped`: the same calls in a `JoinSet` the function owns, which
//! aborts them on every way out (`?`, a caller that drops the future).
//! `borrowed`: the calls as futures of one task (`try_join!`), which may
//! borrow, and are dropped at once with it.
//! `tracker`: a `TaskTracker` waits for its tasks but does not cancel them.
//! `futurelock`: a `select!` over `&mut` a future queued for a
//! `tokio::sync::Mutex`, whose other branch waits for that lock: a hang on
//! one task, ended by a tripwire. `futurelock-spawned`: the fix, the future
//! as a task of a `JoinSet`.
//!
//! Run it: `cargo run -p lesson-structured-concurrency`.

use lesson_kit::Program;

mod borrowed;
mod exercises;
mod futurelock;
mod futurelock_spawned;
mod orphan;
mod scoped;
mod tracker;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "orphan",
            "tokio::spawn three calls, ? at the first error: two run on",
            orphan::program,
        ),
        Program::new(
            "scoped",
            "the calls in a JoinSet the function owns: left by ?, left by its caller",
            scoped::program,
        ),
        Program::new(
            "borrowed",
            "try_join! of three futures that borrow the order: no task, no 'static",
            borrowed::program,
        ),
        Program::new(
            "tracker",
            "a TaskTracker waits for its tasks, and cancels none when dropped",
            tracker::program,
        ),
        Program::new(
            "futurelock",
            "select! over &mut a future queued for a lock its other branch awaits",
            futurelock::program,
        ),
        Program::new(
            "futurelock-spawned",
            "the same race with the future as a task of a JoinSet",
            futurelock_spawned::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "voided-label",
            "a JoinSet of three jobs, left by ? at 1 s",
            exercises::voided_label::program,
        ),
        Program::fix(
            "stuck-heartbeat",
            "a heartbeat waits for the connection an unpolled upload was handed",
            exercises::stuck_heartbeat::program,
            exercises::stuck_heartbeat_solution::program,
            exercises::stuck_heartbeat,
        ),
    ]
}

/// What the chapter says beyond the recorded programs, checked on a paused
/// runtime of the test's own.
#[cfg(test)]
mod facts {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::time::Duration;

    use tokio::sync::{Mutex, Semaphore};
    use tokio::task::JoinSet;

    /// Another way out of a scope: a panic unwinds through the function,
    /// drops its `JoinSet`, and that aborts the set's tasks as `?` does.
    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn a_panic_that_leaves_the_scope_aborts_its_tasks() {
        let reserved = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&reserved);
        let request = tokio::spawn(async move {
            let mut calls = JoinSet::new();
            calls.spawn(async move {
                tokio::time::sleep(Duration::from_secs(2)).await;
                flag.store(true, Ordering::SeqCst);
            });
            tokio::time::sleep(Duration::from_secs(1)).await;
            // `resume_unwind` unwinds without the panic hook's message.
            std::panic::resume_unwind(Box::new("the request panicked"));
        });
        assert!(request.await.expect_err("it panicked").is_panic());
        tokio::time::sleep(Duration::from_secs(3)).await;
        assert!(
            !reserved.load(Ordering::SeqCst),
            "the call outlived its scope"
        );
    }

    /// The second way out of the futurelock: a future given to `select!` by
    /// value is dropped, with its place in the lock's queue, before the
    /// winning branch's handler runs, so the handler gets the lock.
    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn a_loser_given_by_value_is_dropped_before_the_handler_runs() {
        let prices = Arc::new(Mutex::new(1));
        let held = Arc::clone(&prices).lock_owned().await;
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(1)).await;
            drop(held);
        });
        let waiting = Arc::clone(&prices);
        let raced = tokio::time::timeout(Duration::from_secs(5), async {
            tokio::select! {
                biased;
                _ = async move { *waiting.lock().await += 1 } => false,
                () = tokio::time::sleep(Duration::from_millis(500)) => {
                    *prices.lock().await += 10;
                    true
                }
            }
        })
        .await;
        assert_eq!(raced, Ok(true), "the handler got the lock");
        assert_eq!(*prices.lock().await, 11, "the loser never ran on");
    }

    /// The price of giving `select!` the future by value in a loop: each
    /// turn the heartbeat wins drops the upload, and the next turn starts a
    /// fresh one. An upload of 450 ms never outlasts a 400 ms heartbeat,
    /// so it never finishes (the restarted backup of Pin and Unpin).
    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn a_fresh_future_each_turn_restarts_its_work() {
        let pool = Arc::new(Semaphore::new(1));
        let held = Arc::clone(&pool).acquire_owned().await.expect("open");
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(1)).await;
            drop(held);
        });
        let upload = |pool: Arc<Semaphore>| async move {
            let _connection = pool.acquire().await.expect("open");
            tokio::time::sleep(Duration::from_millis(450)).await;
        };
        let pings = AtomicUsize::new(0);
        let ended = tokio::time::timeout(Duration::from_secs(60), async {
            loop {
                tokio::select! {
                    biased;
                    () = upload(Arc::clone(&pool)) => break,
                    () = tokio::time::sleep(Duration::from_millis(400)) => {
                        let _connection = pool.acquire().await.expect("open");
                        pings.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        })
        .await;
        assert!(ended.is_err(), "the upload never finished in 60 s");
        assert!(pings.load(Ordering::SeqCst) > 100, "the heartbeat ran on");
    }

    /// `shutdown().await` on the `?` path: the body's `?`s leave an inner
    /// `async` block, and the function then waits until every task of its
    /// set is gone, its destructors run, before it returns the result.
    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn shutdown_waits_until_each_task_is_gone() {
        struct Hold(Arc<AtomicBool>);
        impl Drop for Hold {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        let released = Arc::new(AtomicBool::new(false));
        let hold = Hold(Arc::clone(&released));
        let mut calls = JoinSet::new();
        calls.spawn(async move {
            let _stock = hold;
            tokio::time::sleep(Duration::from_secs(2)).await;
            Ok(())
        });
        calls.spawn(async {
            tokio::time::sleep(Duration::from_secs(1)).await;
            Err("payment: card declined")
        });
        let result = async {
            while let Some(finished) = calls.join_next().await {
                finished.expect("no call panics")?;
            }
            Ok(())
        }
        .await;
        assert!(
            !released.load(Ordering::SeqCst),
            "the inventory call still runs when the body is left"
        );
        calls.shutdown().await;
        assert!(
            released.load(Ordering::SeqCst),
            "gone when shutdown returns"
        );
        assert_eq!(result, Err("payment: card declined"));
    }

    /// The futurelock's cause, without `select!`: the lock goes to the
    /// first waiter in the queue when it is released, though nothing polls
    /// that waiter, and a later `try_lock` finds it taken.
    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn a_released_lock_is_handed_to_the_first_waiter_unpolled() {
        use std::future::Future;
        use std::task::{Context, Waker};
        let prices = Mutex::new(1);
        let held = prices.lock().await;
        let mut first = std::pin::pin!(prices.lock());
        // One poll puts it in the queue; it is never polled again.
        let polled = first.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        assert!(polled.is_pending());
        drop(held);
        assert!(prices.try_lock().is_err(), "handed to the queued waiter");
    }
}
