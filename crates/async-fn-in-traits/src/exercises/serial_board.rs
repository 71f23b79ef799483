//! Exercise `serial-board` (fix the bug): the price board asks the
//! warehouse for three prices, one second each. They were meant to be
//! spawned, all at once; spawning them did not compile ("future cannot be
//! sent between threads safely"), so someone awaited them one after the
//! other, and the board takes 3 s. Make the three quotes run at once, so
//! the board is done at `1.000s`.
//!
//! Check your fix with `cargo xtask exercise serial-board`, which
//! copies this file to `exercises/serial-board.rs` for you to edit.

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
// ANCHOR: serial_board
use std::sync::Arc;
use std::time::Duration;

trait PriceSource {
    async fn price(&self, sku: &str) -> u32;
}

struct Warehouse;

impl PriceSource for Warehouse {
    async fn price(&self, sku: &str) -> u32 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("warehouse: {sku} priced");
        if sku == "mug" { 450 } else { 900 }
    }
}

// ANCHOR_END: serial_board
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: serial_board
async fn refresh_board<S>(source: Arc<S>, skus: [&'static str; 3]) -> u32
where
    S: PriceSource + Send + Sync + 'static,
{
    let mut total = 0;
    for sku in skus {
        // One quote at a time: each waits for the one before.
        total += source.price(sku).await;
    }
    total
}

// ANCHOR_END: serial_board
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: serial_board
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: serial_board
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: serial_board
    let skus = ["mug", "kettle", "teapot"];
    let total = refresh_board(Arc::new(Warehouse), skus).await;
    say!("board: 3 prices, {total} cents in all");
}
// ANCHOR_END: serial_board

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
