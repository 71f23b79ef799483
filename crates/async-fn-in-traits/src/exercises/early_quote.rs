//! Exercise `early-quote` (predict the output): two implementations of
//! one trait method, one written `async fn`, one as a `fn` that returns
//! an async block. Write down what it prints, in order, with the time of
//! each line, before you run it: `cargo xtask exercise early-quote`
//! checks your prediction, and
//! `cargo run -p lesson-async-fn-in-traits -- early-quote` runs it.

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
// ANCHOR: early_quote
use std::future::Future;
use std::time::Duration;

use tokio::time::sleep;

trait PriceSource {
    fn price(&self, sku: &str) -> impl Future<Output = u32> + Send;
}

struct Warehouse;

impl PriceSource for Warehouse {
    async fn price(&self, sku: &str) -> u32 {
        say!("warehouse: looking up {sku}");
        sleep(Duration::from_secs(1)).await;
        say!("warehouse: {sku} found");
        450
    }
}

struct Supplier;

impl PriceSource for Supplier {
    fn price(&self, sku: &str) -> impl Future<Output = u32> + Send {
        say!("supplier: looking up {sku}");
        async move {
            sleep(Duration::from_millis(500)).await;
            say!("supplier: {sku} found");
            430
        }
    }
}

// ANCHOR_END: early_quote
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: early_quote
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: early_quote
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: early_quote
    let ours = Warehouse.price("mug");
    let theirs = Supplier.price("mug");
    say!("main: two quotes made");
    sleep(Duration::from_secs(2)).await;
    say!("main: awaiting them");
    let (ours, theirs) = tokio::join!(ours, theirs);
    say!("main: {ours} or {theirs} cents");
}
// ANCHOR_END: early_quote

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
