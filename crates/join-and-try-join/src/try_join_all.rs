//! `try-join-all`: `futures::future::try_join_all` over a `Vec` of price
//! lookups. One supplier fails at 2 s: `try_join_all` returns that error
//! at once and drops the lookups still waiting, so they never finish.

use std::time::Duration;

use futures::future::try_join_all;
use lesson_kit::{Lane, say};

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

pub async fn run() {
    let suppliers = [("globex", 1), ("acme", 2), ("initech", 3), ("umbrella", 4)];
    // Polls every lookup; the first `Err` ends it and drops the rest.
    let prices = try_join_all(
        suppliers
            .iter()
            .map(|&(supplier, seconds)| price(supplier, seconds).lane(supplier)),
    )
    .await;
    match prices {
        Ok(prices) => say!("prices: {prices:?}"),
        Err(e) => say!("no quote: {e}"),
    }
}
// ANCHOR_END: try_join_all
