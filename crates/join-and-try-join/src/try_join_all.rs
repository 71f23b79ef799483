//! `try-join-all`: `futures::future::try_join_all` over a `Vec` of price
//! lookups. One supplier fails at 2 s: `try_join_all` returns that error
//! at once and drops the lookups still waiting, so they never finish.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-join-and-try-join -- try-join-all`.

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

// ANCHOR: try_join_all
use std::time::Duration;

use futures::future::try_join_all;

// ANCHOR_END: try_join_all
#[cfg_attr(test, lesson_kit::lane(supplier))]
// ANCHOR: try_join_all
async fn price(supplier: &str, seconds: u64) -> Result<u32, String> {
    say!("{supplier}: asking for a price");
    // The lookups still waiting here when one fails are dropped at this
    // `.await`: their next line never runs.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    if supplier == "acme" {
        say!("{supplier}: no answer");
        return Err(format!("{supplier} is down"));
    }
    say!("{supplier}: 120");
    Ok(120)
}

// ANCHOR_END: try_join_all
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: try_join_all
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: try_join_all
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: try_join_all
    let suppliers = [("globex", 1), ("acme", 2), ("initech", 3), ("umbrella", 4)];
    // Polls every lookup; the first `Err` ends it and drops the rest.
    let prices = try_join_all(
        suppliers
            .iter()
            .map(|&(supplier, seconds)| price(supplier, seconds)),
    )
    .await;
    match prices {
        Ok(prices) => say!("prices: {prices:?}"),
        Err(e) => say!("no quote: {e}"),
    }
}
// ANCHOR_END: try_join_all

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
