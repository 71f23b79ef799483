//! Exercise `price-board` (fix the bug): three tasks refresh the prices on
//! a shared board, each asking its supplier, who answers within 0.6 s. Yet
//! the board is full only after 1.3 s: the refreshes run one after the
//! other. Make them ask their suppliers at the same time, so that all three
//! prices are on the board by `0.600s`.
//!
//! Check your fix with `cargo xtask exercise price-board`, which copies
//! this file to `exercises/price-board.rs` for you to edit.

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

// ANCHOR: price_board
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::task::JoinSet;

type Board = Arc<Mutex<HashMap<&'static str, u32>>>;

/// The supplier's price, after `millis` of waiting for its answer.
async fn ask_supplier(cents: u32, millis: u64) -> u32 {
    tokio::time::sleep(Duration::from_millis(millis)).await;
    cents
}

// ANCHOR_END: price_board
#[cfg_attr(test, lesson_kit::lane(product))]
// ANCHOR: price_board
async fn refresh(board: Board, product: &'static str, cents: u32, millis: u64) {
    // Waits for the board, so that two refreshes never write at once.
    let mut board = board.lock().await;
    say!("{product}: asking the supplier");
    // The supplier's answer takes a while; the thread is free meanwhile.
    let price = ask_supplier(cents, millis).await;
    board.insert(product, price);
    say!("{product}: {price} cents on the board");
}

// ANCHOR_END: price_board
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: price_board
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: price_board
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: price_board
    let board = Board::default();
    let mut refreshes = JoinSet::new();
    for (product, cents, millis) in [
        ("umbrella", 1_200, 400),
        ("boots", 4_500, 600),
        ("raincoat", 6_000, 300),
    ] {
        // One task per product, all sharing the board.
        refreshes.spawn(refresh(Arc::clone(&board), product, cents, millis));
    }
    // Waits for every refresh to finish.
    while let Some(done) = refreshes.join_next().await {
        done.expect("a refresh does not panic");
    }
    say!("board: {} prices", board.lock().await.len());
}
// ANCHOR_END: price_board

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
