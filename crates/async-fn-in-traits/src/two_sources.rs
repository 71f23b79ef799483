//! `two-sources`: a trait with an `async fn` (stable since Rust 1.75),
//! implemented twice, and one generic function that awaits either. The
//! two quotes are joined on one thread, so nothing asks their futures to
//! be `Send`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-async-fn-in-traits -- two-sources`.

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

// ANCHOR: two_sources
use std::time::Duration;

/// Where an order's prices come from. Each implementation decides how
/// long it takes; the caller only awaits.
trait PriceSource {
    async fn price(&self, sku: &str) -> u32;
}

/// The shop's own warehouse: a slow database, a fixed price.
struct Warehouse;

impl PriceSource for Warehouse {
    async fn price(&self, sku: &str) -> u32 {
        // Waits for the database; the other quote runs meanwhile.
        tokio::time::sleep(Duration::from_secs(1)).await;
        if sku == "mug" { 480 } else { 950 }
    }
}

/// A supplier's price list: faster, with a discount in percent.
struct Supplier {
    discount: u32,
}

impl PriceSource for Supplier {
    async fn price(&self, sku: &str) -> u32 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let list = if sku == "mug" { 500 } else { 1000 };
        list * (100 - self.discount) / 100
    }
}

// ANCHOR_END: two_sources
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: two_sources
/// Generic over any source: one copy of this function is compiled for each
/// type it is called with, and each awaits that type's own future.
async fn quote<S: PriceSource>(name: &str, source: &S, sku: &str) -> u32 {
    say!("{name}: asked for {sku}");
    let cents = source.price(sku).await;
    say!("{name}: {sku} costs {cents} cents");
    cents
}

// ANCHOR_END: two_sources
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: two_sources
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: two_sources
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: two_sources
    let warehouse = Warehouse;
    let supplier = Supplier { discount: 10 };
    // `join!` polls both quotes on this thread: their waits overlap.
    let (ours, theirs) = tokio::join!(
        quote("warehouse", &warehouse, "mug"),
        quote("supplier", &supplier, "mug"),
    );
    say!("main: best price {} cents", ours.min(theirs));
}
// ANCHOR_END: two_sources

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
