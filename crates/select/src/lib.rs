//! Racing futures with `select!`.
//!
//! `race`: `tokio::select!` waits for the first of several futures and
//! drops the others. `biased`: with several branches ready at once,
//! `select!` picks one at random unless it starts with `biased;` (the
//! random pick is measured by the test below, never in a snapshot).
//! `select-loop`: `select!` in a loop against one deadline, and
//! `select-loop-reset`: the bug of building that deadline inside the loop.
//!
//! Run it: `cargo run -p lesson-select`.

use lesson_kit::Program;

pub mod biased;
pub mod race;
pub mod select_loop;
pub mod select_loop_reset;

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::tokio("race", "select! { eu => .., us => .. }", race::run),
        Program::tokio(
            "biased",
            "select! { biased; .. } over two ready futures",
            biased::run,
        ),
        Program::tokio(
            "select-loop",
            "loop { select! { order, &mut closing } }",
            select_loop::run,
        ),
        Program::tokio(
            "select-loop-reset",
            "loop { select! { order, sleep(3.5 s) } }: the timer restarts",
            select_loop_reset::run,
        ),
    ]
}

/// Without `biased;`, `select!` starts polling at a random branch: over
/// 1000 races between two futures that are both ready, each must win
/// often. (This is measured here, not shown in a transcript, because its
/// exact counts change from run to run.)
#[cfg(test)]
mod fairness {
    #[test]
    fn unbiased_select_picks_both_branches() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current_thread runtime builds");
        let urgent_wins = runtime.block_on(async {
            let mut urgent_wins = 0;
            for _ in 0..1000 {
                if super::biased::unbiased_race().await == "urgent" {
                    urgent_wins += 1;
                }
            }
            urgent_wins
        });
        let routine_wins = 1000 - urgent_wins;
        assert!(
            urgent_wins >= 300 && routine_wins >= 300,
            "an unbiased select! should pick each ready branch about half the time: \
             urgent won {urgent_wins}, routine {routine_wins} of 1000"
        );
    }

    #[test]
    fn biased_select_always_picks_the_first_branch() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current_thread runtime builds");
        runtime.block_on(async {
            for _ in 0..1000 {
                assert_eq!(super::biased::biased_race().await, "urgent");
            }
        });
    }
}
