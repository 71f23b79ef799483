//! `spawned-quotes`: the same trait, with its method written as what
//! `async fn` stands for, `fn price(..) -> impl Future<Output = u32>`,
//! plus `+ Send`. Now a generic function may hand the future of any
//! implementation to `tokio::spawn`, and each implementation may still be
//! written with `async fn` (the compiler checks that its future is `Send`).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-async-fn-in-traits -- spawned-quotes`.

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
// ANCHOR: spawned_quotes
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

trait PriceSource {
    /// `async fn price(&self, sku: &str) -> u32`, desugared, with one
    /// promise more: every implementation's future is `Send`.
    fn price(&self, sku: &str) -> impl Future<Output = u32> + Send;
}

struct Warehouse;

impl PriceSource for Warehouse {
    // An implementation may still write `async fn`.
    async fn price(&self, sku: &str) -> u32 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        if sku == "mug" { 480 } else { 950 }
    }
}

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

// ANCHOR_END: spawned_quotes
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: spawned_quotes
async fn quote<S: PriceSource>(name: &str, source: &S, sku: &str) -> u32 {
    say!("{name}: asked for {sku}");
    let cents = source.price(sku).await;
    say!("{name}: {sku} costs {cents} cents");
    cents
}

/// Generic, and spawned: the task's future awaits `S`'s `price` future,
/// which the trait now promises is `Send`, whatever `S` is.
fn spawn_quote<S>(name: &'static str, source: Arc<S>, sku: &'static str) -> JoinHandle<u32>
where
    S: PriceSource + Send + Sync + 'static,
{
    // The task owns its `Arc`, so it borrows nothing from the caller.
    tokio::spawn(async move { quote(name, &*source, sku).await })
}

// ANCHOR_END: spawned_quotes
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: spawned_quotes
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: spawned_quotes
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: spawned_quotes
    // Spawned, not polled yet: the tasks start when `main` first waits.
    let ours = spawn_quote("warehouse", Arc::new(Warehouse), "kettle");
    let theirs = spawn_quote("supplier", Arc::new(Supplier { discount: 10 }), "kettle");
    say!("main: two quotes spawned");
    let ours = ours.await.expect("the warehouse quote does not panic");
    let theirs = theirs.await.expect("the supplier quote does not panic");
    say!("main: best price {} cents", ours.min(theirs));
}
// ANCHOR_END: spawned_quotes

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
