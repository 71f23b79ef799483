//! Shared state.
//!
//! `std-mutex` shares a stock count between tasks with
//! `Arc<std::sync::Mutex<_>>`, locking only between `.await`s.
//! `tokio-mutex` shares a printer whose use spans an `.await`, with
//! `tokio::sync::Mutex`. `rwlock` lets readers in together and makes a
//! writer (and the readers after it) wait. Holding a `std` guard across an
//! `.await` in a spawned task does not compile: `fixtures/guard_across_await.rs`
//! and the test below lock `rustc`'s message. Where nothing asks for `Send`
//! it compiles, and `guard-in-join` shows two joined orders hanging on it.
//!
//! Run it: `cargo run -p lesson-shared-state`.

use lesson_kit::Program;

mod exercises;
mod guard_in_join;
mod rwlock;
mod std_mutex;
mod tokio_mutex;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "std-mutex",
            "Arc<std::sync::Mutex<_>>, no lock across .await",
            std_mutex::program,
        ),
        Program::new(
            "guard-in-join",
            "a std guard across .await inside join!: compiles, hangs",
            guard_in_join::program,
        ),
        Program::new(
            "tokio-mutex",
            "tokio::sync::Mutex held across .await",
            tokio_mutex::program,
        ),
        Program::new(
            "rwlock",
            "tokio::sync::RwLock: readers together, writer alone",
            rwlock::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "last-umbrella",
            "read the stock, pay, write it back",
            exercises::last_umbrella::program,
        ),
        Program::fix(
            "price-board",
            "a tokio::sync::Mutex guard held across the supplier's answer",
            exercises::price_board::program,
            exercises::price_board_solution::program,
            exercises::price_board,
        ),
    ]
}

/// What `rustc` says about a `std::sync::MutexGuard` held across an
/// `.await` in a future that must be `Send`: it compiles
/// `fixtures/guard_across_await.rs` and locks the error in
/// `fixtures/guard-across-await.snap`.
#[cfg(test)]
mod rustc_refuses {
    #[test]
    fn a_std_guard_across_await_is_not_send() {
        lesson_kit::rustc_snapshot!(
            "guard-across-await",
            "fixtures/guard_across_await.rs",
            Fails
        );
    }
}
