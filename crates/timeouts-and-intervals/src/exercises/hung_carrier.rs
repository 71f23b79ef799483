//! Exercise `hung-carrier` (fix the bug): the checkout asks three carriers
//! for a shipping quote at once and shows the cheapest. One carrier's
//! server has hung: its quote never comes, and the checkout waits for it
//! for ever. Give the customer the cheapest of the quotes that came within
//! 2 s of asking, at 2 s, when the time for quotes is up, and leave the
//! hung carrier out.
//!
//! Check your fix with `cargo xtask exercise hung-carrier`, which copies
//! this file to `exercises/hung-carrier.rs` for you to edit.

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

// ANCHOR: hung_carrier
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: hung_carrier
#[cfg_attr(test, lesson_kit::lane(carrier))]
// ANCHOR: hung_carrier
async fn quote(
    carrier: &'static str,
    answers_after: Option<Duration>,
    cents: u32,
) -> (&'static str, u32) {
    say!("{carrier}: asked for a quote");
    match answers_after {
        // The carrier's server answers after `wait`.
        Some(wait) => tokio::time::sleep(wait).await,
        // Its server took the request and hangs: no answer, ever.
        None => std::future::pending().await,
    }
    say!("{carrier}: quoted {cents} cents");
    (carrier, cents)
}

// ANCHOR_END: hung_carrier
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: hung_carrier
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: hung_carrier
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: hung_carrier
    let mut quotes = JoinSet::new();
    quotes.spawn(quote("parcelco", Some(Duration::from_millis(600)), 890));
    quotes.spawn(quote("shipfast", Some(Duration::from_millis(1500)), 750));
    quotes.spawn(quote("slowboat", None, 500));
    let mut cheapest: Option<(&str, u32)> = None;
    // Waits for each quote in the order they come.
    while let Some(joined) = quotes.join_next().await {
        let (carrier, cents) = joined.expect("no quote task panics");
        if cheapest.is_none_or(|(_, best)| cents < best) {
            cheapest = Some((carrier, cents));
        }
    }
    match cheapest {
        Some((carrier, cents)) => say!("checkout: cheapest is {carrier}, {cents} cents"),
        None => say!("checkout: no quote"),
    }
}
// ANCHOR_END: hung_carrier

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
