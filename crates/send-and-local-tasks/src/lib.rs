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

    /// `drop` before the `.await` is not enough: the variable's scope
    /// still spans it (`fixtures/rc-dropped-before-await.snap`).
    #[test]
    fn an_rc_dropped_before_await_is_still_in_scope() {
        lesson_kit::rustc_snapshot!(
            "rc-dropped-before-await",
            "fixtures/rc_dropped_before_await.rs",
            Fails
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
