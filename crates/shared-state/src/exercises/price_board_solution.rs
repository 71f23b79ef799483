//! A solution of exercise `price-board`: each refresh asks its supplier
//! first, holding nothing, and takes the lock only to write the price, so
//! the three questions are out at once. Since no guard is held across an
//! `.await` any more, the board is a `std::sync::Mutex`, as in `std-mutex`:
//! tokio's documentation, too, prefers it then. (Keeping
//! `tokio::sync::Mutex` and writing with `board.lock().await.insert(..)`
//! after the supplier's answer fixes it too.)

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

// ANCHOR: price_board_solution
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinSet;

type Board = Arc<Mutex<HashMap<&'static str, u32>>>;

/// The supplier's price, after `millis` of waiting for its answer.
async fn ask_supplier(cents: u32, millis: u64) -> u32 {
    tokio::time::sleep(Duration::from_millis(millis)).await;
    cents
}

// ANCHOR_END: price_board_solution
#[cfg_attr(test, lesson_kit::lane(product))]
// ANCHOR: price_board_solution
async fn refresh(board: Board, product: &'static str, cents: u32, millis: u64) {
    say!("{product}: asking the supplier");
    // The supplier's answer takes a while: no lock is held meanwhile, so
    // the other refreshes ask theirs too.
    let price = ask_supplier(cents, millis).await;
    // The lock only for the write, in a block with no `.await`: the guard
    // is dropped at its end, before the task can yield.
    {
        let mut board = board.lock().expect("no refresh panicked");
        board.insert(product, price);
    }
    say!("{product}: {price} cents on the board");
}

// ANCHOR_END: price_board_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: price_board_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: price_board_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: price_board_solution
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
    say!(
        "board: {} prices",
        board.lock().expect("no refresh panicked").len()
    );
}
// ANCHOR_END: price_board_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
