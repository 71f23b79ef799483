//! `try-join`: the same checkout with `tokio::try_join!`. The first `Err`
//! ends the whole join at 1 s, and the stock reservation, still waiting,
//! is dropped: cancelled at its `.await`, so its last line never prints.

use std::time::Duration;

use lesson_kit::{Lane, say};

// ANCHOR: try_join
async fn charge_card(order: u32) -> Result<u32, String> {
    say!("payment: charging the card for order {order}");
    // Waits 1 s for the bank's answer, handing the thread back meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("payment: card declined");
    Err("card declined".to_string())
}

async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("stock: reserving 3 items for order {order}");
    // Waits 2 s for the warehouse. `try_join!` drops this future here at
    // 1 s, so the code after this `.await` never runs.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("stock: 3 items reserved");
    Ok(3)
}

pub async fn run() {
    // `try_join!` polls both futures like `join!`, but returns as soon as
    // one of them returns `Err`, and drops the others where they are.
    let checkout = tokio::try_join!(
        charge_card(42).lane("payment"),
        reserve_stock(42).lane("stock"),
    );
    match checkout {
        Ok((charged, reserved)) => say!("checkout done: {charged}, {reserved}"),
        Err(e) => say!("checkout failed: {e}"),
    }
    // Nothing of the reservation is left to finish: waiting 2 s more
    // prints nothing else.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: try_join
