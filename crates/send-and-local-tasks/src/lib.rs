//! Send, 'static and local tasks.
//!
//! `tokio::spawn` asks `Send + 'static` of the whole future, on every
//! runtime flavor: of what it holds across each `.await`. An `Rc` held
//! across an `.await` does not compile (`fixtures/rc_across_await.rs`,
//! locked by the test below). `rc-in-a-scope`: the `Rc` in a block that
//! ends before the `.await`, and an `Arc` across it, compile and run.
//! `local-set`: a future that is not `Send` spawned with `spawn_local` on
//! a `LocalSet`. `packing-multi-thread`: tasks on a `multi_thread` runtime
//! run in an order that changes from run to run; its snapshot shows only
//! the count, and the benchmark (`--bin bench`, `cargo xtask bench
//! orders`) measures the orders.
//!
//! Run it: `cargo run -p lesson-send-and-local-tasks`.

use lesson_kit::Program;

mod exercises;
mod local_set;
pub mod packing_multi_thread;
mod rc_in_a_scope;

/// The programs of this lesson, in the order `cargo run` shows them (one
/// snapshot test each, named after the program).
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "rc-in-a-scope",
            "tokio::spawn: an Rc gone before the .await, an Arc across it",
            rc_in_a_scope::program,
        ),
        Program::new(
            "local-set",
            "LocalSet::spawn_local of futures that hold an Rc across .await",
            local_set::program,
        ),
        Program::new(
            "packing-multi-thread",
            "four tasks on a multi_thread runtime: only the count is certain",
            packing_multi_thread::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "freezer-count",
            "a LocalSet driven only part of the time",
            exercises::freezer_count::program,
        ),
        Program::fix(
            "stranded-report",
            "a LocalSet task's JoinHandle awaited outside the set: it never runs",
            exercises::stranded_report::program,
            exercises::stranded_report_solution::program,
            exercises::stranded_report,
        ),
    ]
}

/// What `rustc` says about an `Rc` held across an `.await` in a future
/// that must be `Send`: it compiles `fixtures/rc_across_await.rs` and
/// locks the error in `fixtures/rc-across-await.snap`; and the same with
/// the `Rc` dropped before the `.await`.
#[cfg(test)]
mod rustc_refuses {
    #[test]
    fn an_rc_across_await_is_not_send() {
        lesson_kit::rustc_snapshot!("rc-across-await", "fixtures/rc_across_await.rs", Fails);
    }

    /// `drop` before the `.await` is not enough once the `Rc` has been
    /// borrowed: rustc keeps a borrowed local until its scope ends
    /// (`fixtures/rc-dropped-before-await.snap`).
    #[test]
    fn a_borrowed_rc_dropped_before_await_is_still_held() {
        lesson_kit::rustc_snapshot!(
            "rc-dropped-before-await",
            "fixtures/rc_dropped_before_await.rs",
            Fails
        );
    }

    /// An `Rc` that is only moved, never borrowed, is gone at the `.await`:
    /// the future is `Send` (`fixtures/rc-moved-before-await.snap`, empty).
    #[test]
    fn an_rc_moved_away_before_await_is_not_held() {
        lesson_kit::rustc_snapshot!(
            "rc-moved-before-await",
            "fixtures/rc_moved_before_await.rs",
            Compiles
        );
    }
}

/// What the chapter says of `packing-multi-thread`'s `pack_parcels` on a
/// `current_thread` runtime: its tasks run in the order they were spawned,
/// every time (one run queue, first in, first out). On `multi_thread` the
/// order is measured by the benchmark, never asserted.
#[cfg(test)]
mod one_thread_one_order {
    use crate::packing_multi_thread::{PACKERS, pack_parcels};

    #[test]
    fn current_thread_runs_the_packers_in_the_order_they_were_spawned() {
        for _ in 0..20 {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .expect("a current_thread runtime builds");
            assert_eq!(runtime.block_on(pack_parcels()), PACKERS);
        }
    }
}

/// What the chapter says of tasks and threads on a `current_thread`
/// runtime, and of `spawn_local` outside a set.
#[cfg(test)]
mod facts {
    use std::sync::{Arc, Mutex};
    use std::thread::ThreadId;

    /// A task is never polled on two threads at once, but between polls
    /// its thread can change: `block_on` called from another thread
    /// resumes the tasks left suspended there.
    #[test]
    fn a_current_thread_task_resumes_on_another_thread() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current_thread runtime builds");
        let polled_on: Arc<Mutex<Vec<ThreadId>>> = Arc::default();
        let seen = Arc::clone(&polled_on);
        let (resume, resumed) = tokio::sync::oneshot::channel::<()>();
        let task = runtime.spawn(async move {
            seen.lock().unwrap().push(std::thread::current().id());
            let _ = resumed.await;
            seen.lock().unwrap().push(std::thread::current().id());
        });
        // The first poll, on this thread.
        runtime.block_on(tokio::task::yield_now());
        let here = std::thread::current().id();
        // The runtime moves to another thread, where the task is resumed.
        let there = std::thread::spawn(move || {
            resume.send(()).unwrap();
            runtime.block_on(task).unwrap();
            std::thread::current().id()
        })
        .join()
        .unwrap();
        assert_eq!(*polled_on.lock().unwrap(), [here, there]);
        assert_ne!(here, there);
    }

    /// The chapter's `should_panic` block, with its message checked.
    #[test]
    fn spawn_local_outside_a_set_panics_with_tokios_message() {
        let message = lesson_kit::panics::expect_panic(|| {
            tokio::runtime::Builder::new_current_thread()
                .build()
                .expect("a current_thread runtime builds")
                .block_on(async {
                    tokio::task::spawn_local(async {});
                })
        });
        assert!(
            message.contains(
                "`spawn_local` called from outside of a `task::LocalSet` or `runtime::LocalRuntime`"
            ),
            "{message}"
        );
    }
}
