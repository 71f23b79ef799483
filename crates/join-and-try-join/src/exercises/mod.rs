//! The exercises at the end of the chapter: their programs, and the
//! checks of the fix-the-bug ones.

use std::time::Duration;

use lesson_kit::{Line, Recording};

pub mod bad_postcode;
pub mod checkout_steps;
pub mod checkout_steps_solution;

/// When order `order` began: its first line.
fn began(run: &Recording, order: u32) -> Result<Line, String> {
    run.line(&format!("order {order}:"))
}

/// `checkout-steps` is fixed when order 1 is confirmed 3 s after it began
/// (the slowest step's time, not the sum of the three), and order 2 fails
/// 2 s after it began (when the warehouse says no), its courier never
/// booked, even though the till stays open 3 s longer.
pub fn checkout_steps(run: &Recording) -> Result<(), String> {
    let start = began(run, 1)?;
    let confirmed = run.line("order 1: confirmed")?;
    if confirmed.at.saturating_sub(start.at) != Duration::from_secs(3) {
        return Err(format!(
            "order 1 began at {} and was confirmed at {confirmed}: with its three steps at \
             once, it takes 3 s, the time of the slowest step, not the sum of the three",
            start.time()
        ));
    }
    let start = began(run, 2)?;
    let failed = run.line("order 2: failed")?;
    if failed.at.saturating_sub(start.at) != Duration::from_secs(2) {
        return Err(format!(
            "order 2 began at {}, the warehouse said \"out of stock\" 2 s later, and yet it \
             failed at {failed}: the checkout should give up at the first error",
            start.time()
        ));
    }
    if let Ok(booked) = run.line("order 2: courier booked") {
        return Err(format!(
            "order 2 failed, and yet a courier was booked for it: {booked}. The booking should \
             stop when the checkout gives up, not run on by itself"
        ));
    }
    Ok(())
}
