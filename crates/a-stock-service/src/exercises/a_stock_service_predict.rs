//! Exercise `a-stock-service-predict` (predict the output): replace this stub
//! with the lesson's own. Before running it, write down what it prints,
//! in order, with the time of each line; `cargo xtask exercise
//! a-stock-service-predict` checks the prediction.

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

// ANCHOR: a_stock_service_predict
use std::time::Duration;

// ANCHOR_END: a_stock_service_predict
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: a_stock_service_predict
async fn download(file: &str, seconds: u64) {
    say!("{file}: started");
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

// ANCHOR_END: a_stock_service_predict
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: a_stock_service_predict
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: a_stock_service_predict
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: a_stock_service_predict
    // Which download starts first, and when does each finish?
    tokio::join!(download("logo.png", 1), download("report.pdf", 2));
    say!("both downloads done");
}
// ANCHOR_END: a_stock_service_predict

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
