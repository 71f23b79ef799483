//! `boxed-sources`: a list of price sources of different types, as
//! `Box<dyn PriceSource>`. A trait whose method is `async fn` cannot be
//! a `dyn` type (E0038); one whose method returns a boxed future can: every
//! implementation's future is then the same type, a
//! `Pin<Box<dyn Future<Output = u32> + Send + 'a>>`, which is what the
//! `async_trait` crate writes for you.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-async-fn-in-traits -- boxed-sources`.

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
// ANCHOR: boxed_sources
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A future on the heap, the same type whoever made it; `'a` lets it
/// borrow the source and the SKU.
type Quote<'a> = Pin<Box<dyn Future<Output = u32> + Send + 'a>>;

trait PriceSource {
    fn price<'a>(&'a self, sku: &'a str) -> Quote<'a>;
}

struct Warehouse;

impl PriceSource for Warehouse {
    fn price<'a>(&'a self, sku: &'a str) -> Quote<'a> {
        // The body of the `async fn` it stands for, boxed.
        Box::pin(async move {
            tokio::time::sleep(Duration::from_secs(1)).await;
            if sku == "mug" { 480 } else { 950 }
        })
    }
}

struct Supplier {
    discount: u32,
}

impl PriceSource for Supplier {
    fn price<'a>(&'a self, sku: &'a str) -> Quote<'a> {
        Box::pin(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let list = if sku == "mug" { 500 } else { 1000 };
            list * (100 - self.discount) / 100
        })
    }
}

// ANCHOR_END: boxed_sources
#[cfg_attr(test, lesson_kit::lane(name))]
// ANCHOR: boxed_sources
/// Not generic: one function for every source, called through the vtable.
async fn quote(name: &str, source: &dyn PriceSource, sku: &str) -> u32 {
    say!("{name}: asked for {sku}");
    let cents = source.price(sku).await;
    say!("{name}: {sku} costs {cents} cents");
    cents
}

// ANCHOR_END: boxed_sources
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: boxed_sources
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: boxed_sources
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: boxed_sources
    // Two types in one list: what a generic `S` cannot hold.
    let sources: Vec<(&str, Box<dyn PriceSource>)> = vec![
        ("warehouse", Box::new(Warehouse)),
        ("supplier", Box::new(Supplier { discount: 10 })),
        ("outlet", Box::new(Supplier { discount: 25 })),
    ];
    // `join_all` polls every quote on this thread: their waits overlap.
    let prices = futures::future::join_all(
        sources
            .iter()
            .map(|(name, source)| quote(name, source.as_ref(), "mug")),
    )
    .await;
    say!("main: best price {} cents", prices.iter().min().unwrap());
}
// ANCHOR_END: boxed_sources

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
