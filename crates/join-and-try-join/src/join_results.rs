//! `join-results`: `tokio::join!` over two fallible steps of a checkout.
//! The payment fails after 1 s, but `join!` waits for every branch, so the
//! stock reservation still runs to its end at 2 s and both results come
//! back, like `asyncio.gather(..., return_exceptions=True)`.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: join_results
async fn charge_card(order: u32) -> Result<u32, String> {
    say!("payment: charging the card for order {order}");
    // Waits 1 s for the bank's answer, handing the thread back meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("payment: card declined");
    Err("card declined".to_string())
}

async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("stock: reserving 3 items for order {order}");
    // Waits 2 s for the warehouse.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("stock: 3 items reserved");
    Ok(3)
}

fn describe(result: &Result<u32, String>) -> String {
    match result {
        Ok(n) => format!("ok ({n})"),
        Err(e) => format!("failed ({e})"),
    }
}

pub async fn run() {
    // `join!` polls both futures until *both* are done. A future that
    // returns `Err` is just done: `join!` does not look inside the result,
    // so the other branch goes on. (`.lane(..)` names each future in the
    // timeline; it changes nothing else.)
    let (payment, stock) = tokio::join!(
        charge_card(42).lane("payment"),
        reserve_stock(42).lane("stock"),
    );
    say!("payment {}, stock {}", describe(&payment), describe(&stock));
}
// ANCHOR_END: join_results
