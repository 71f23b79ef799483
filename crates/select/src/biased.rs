//! `biased`: when several branches of `select!` are ready at once, it picks
//! one at random, unless the `select!` starts with `biased;`, which polls
//! the branches top to bottom. This program races two futures that are
//! both ready at once, 1000 times, with `biased;`: the first one always
//! wins. (The random pick, measured over many runs, is in this lesson's
//! test `unbiased_select_picks_both_branches`, not in a transcript.)

use std::future::ready;

use lesson_kit::say;

// ANCHOR: biased
/// Two branches that are both ready at the first poll, without `biased;`:
/// `select!` starts polling at a random branch, so either may win.
pub async fn unbiased_race() -> &'static str {
    tokio::select! {
        winner = ready("urgent") => winner,
        winner = ready("routine") => winner,
    }
}

/// The same race with `biased;`: the branches are polled top to bottom,
/// so the first ready one always wins.
pub async fn biased_race() -> &'static str {
    tokio::select! {
        biased;
        winner = ready("urgent") => winner,
        winner = ready("routine") => winner,
    }
}

pub async fn run() {
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
