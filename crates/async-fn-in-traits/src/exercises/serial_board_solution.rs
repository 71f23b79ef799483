//! A solution of exercise `serial-board`: the trait's method promises a
//! `Send` future (`-> impl Future<Output = u32> + Send`), so
//! `refresh_board` can spawn one task per SKU, and the three quotes wait
//! at once.

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
// ANCHOR: serial_board_solution
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

trait PriceSource {
    // What `async fn price` stands for, and `+ Send`.
    fn price(&self, sku: &str) -> impl Future<Output = u32> + Send;
}

struct Warehouse;

impl PriceSource for Warehouse {
    async fn price(&self, sku: &str) -> u32 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("warehouse: {sku} priced");
        if sku == "mug" { 450 } else { 900 }
    }
}

// ANCHOR_END: serial_board_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: serial_board_solution
async fn refresh_board<S>(source: Arc<S>, skus: [&'static str; 3]) -> u32
where
    S: PriceSource + Send + Sync + 'static,
{
    // Every quote spawned first: the three wait at the same time.
    let tasks = skus.map(|sku| {
        let source = Arc::clone(&source);
        tokio::spawn(async move { source.price(sku).await })
    });
    let mut total = 0;
    for task in tasks {
        total += task.await.expect("a quote does not panic");
    }
    total
}

// ANCHOR_END: serial_board_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: serial_board_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: serial_board_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: serial_board_solution
    let skus = ["mug", "kettle", "teapot"];
    let total = refresh_board(Arc::new(Warehouse), skus).await;
    say!("board: 3 prices, {total} cents in all");
}
// ANCHOR_END: serial_board_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
