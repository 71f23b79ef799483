//! A solution of exercise `hung-carrier`: each `join_next()` is bounded by
//! one deadline, 2 s after asking, with `timeout_at`; the hung carrier's
//! task is aborted when the `JoinSet` is dropped. (A `select!` of
//! `join_next()` against `sleep_until(deadline)` fixes it too, and so does
//! one `timeout(2 s, ..)` around the whole loop. A `timeout` of 2 s on
//! each `join_next()` does not: it restarts after every quote.)

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

// ANCHOR: hung_carrier_solution
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};

// ANCHOR_END: hung_carrier_solution
#[cfg_attr(test, lesson_kit::lane(carrier))]
// ANCHOR: hung_carrier_solution
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

// ANCHOR_END: hung_carrier_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: hung_carrier_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: hung_carrier_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: hung_carrier_solution
    // One deadline for all the quotes, 2 s after asking.
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut quotes = JoinSet::new();
    quotes.spawn(quote("parcelco", Some(Duration::from_millis(600)), 890));
    quotes.spawn(quote("shipfast", Some(Duration::from_millis(1500)), 750));
    quotes.spawn(quote("slowboat", None, 500));
    let mut cheapest: Option<(&str, u32)> = None;
    // Waits for each quote in the order they come, until the deadline:
    // then `timeout_at` returns `Err(Elapsed)`, and the loop ends.
    // (`join_next` is cancel safe: a timeout loses no quote.)
    while let Ok(Some(joined)) = timeout_at(deadline, quotes.join_next()).await {
        let (carrier, cents) = joined.expect("no quote task panics");
        if cheapest.is_none_or(|(_, best)| cents < best) {
            cheapest = Some((carrier, cents));
        }
    }
    // Aborts the hung carrier's task.
    drop(quotes);
    match cheapest {
        Some((carrier, cents)) => say!("checkout: cheapest is {carrier}, {cents} cents"),
        None => say!("checkout: no quote"),
    }
}
// ANCHOR_END: hung_carrier_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
