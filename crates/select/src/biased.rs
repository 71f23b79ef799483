//! `biased`: when several branches of `select!` are ready at once, it picks
//! one at random, unless the `select!` starts with `biased;`, which polls
//! the branches top to bottom. This program races two futures that are
//! both ready at once, 1000 times, with `biased;`: the first one always
//! wins. (The random pick, measured over many runs, is in this file's
//! test `unbiased_select_picks_both_branches`, not in a transcript.)
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-select -- biased`.

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

// ANCHOR: biased
use std::future::ready;

/// Two branches that are both ready at the first poll, without `biased;`:
/// `select!` starts polling at a random branch, so either may win. `main`
/// does not call it, since its counts change from run to run (the lesson's
/// test measures them); call it in `main` instead of `biased_race` and run
/// the program a few times to see them change.
#[allow(dead_code)]
async fn unbiased_race() -> &'static str {
    tokio::select! {
        winner = ready("urgent") => winner,
        winner = ready("routine") => winner,
    }
}

/// The same race with `biased;`: the branches are polled top to bottom,
/// so the first ready one always wins.
async fn biased_race() -> &'static str {
    tokio::select! {
        biased;
        winner = ready("urgent") => winner,
        winner = ready("routine") => winner,
    }
}

// ANCHOR_END: biased
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: biased
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: biased
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: biased
    let mut urgent_wins = 0;
    for _ in 0..1000 {
        // Both branches are ready at once: no waiting, only a choice.
        if biased_race().await == "urgent" {
            urgent_wins += 1;
        }
    }
    say!("biased: \"urgent\" won {urgent_wins} of 1000 races");
}
// ANCHOR_END: biased

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
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
                if super::unbiased_race().await == "urgent" {
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

    /// How many turns of a `select!` loop pass before it takes a shutdown
    /// signal that was sent before the loop began, while another branch is
    /// ready on every turn. The receiver is polled through `&mut`, so it
    /// survives the turns it loses.
    async fn turns_until_shutdown(biased: bool) -> u32 {
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        stop.send(()).expect("the receiver is alive");
        let mut turns = 0;
        loop {
            turns += 1;
            if biased {
                tokio::select! {
                    biased;
                    _ = &mut stopped => return turns,
                    () = std::future::ready(()) => {}
                }
            } else {
                tokio::select! {
                    _ = &mut stopped => return turns,
                    () = std::future::ready(()) => {}
                }
            }
        }
    }

    /// The chapter: an unbiased `select!` never misses a ready branch, it
    /// may take it a turn (or a few) later; `biased;` with the shutdown
    /// first takes it on the first turn.
    #[test]
    fn an_unbiased_loop_takes_a_ready_shutdown_later_but_takes_it() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current_thread runtime builds");
        let (unbiased, biased) = runtime.block_on(async {
            let mut unbiased = Vec::new();
            let mut biased = Vec::new();
            for _ in 0..1000 {
                unbiased.push(turns_until_shutdown(false).await);
                biased.push(turns_until_shutdown(true).await);
            }
            (unbiased, biased)
        });
        assert!(biased.iter().all(|&turns| turns == 1), "{biased:?}");
        let later = unbiased.iter().filter(|&&turns| turns > 1).count();
        let most = unbiased.iter().max().copied().unwrap_or(0);
        assert!(
            (300..=700).contains(&later) && most < 64,
            "an unbiased select! should take the ready shutdown on the first turn about half \
             the time, and always within a few turns: later in {later} of 1000 runs, at most \
             {most} turns"
        );
    }

    #[test]
    fn biased_select_always_picks_the_first_branch() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current_thread runtime builds");
        runtime.block_on(async {
            for _ in 0..1000 {
                assert_eq!(super::biased_race().await, "urgent");
            }
        });
    }
}
