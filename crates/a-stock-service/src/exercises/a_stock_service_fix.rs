//! Exercise `a-stock-service-fix` (fix the bug): replace this stub with the
//! lesson's own. The two downloads should overlap and be done by 2 s, but
//! they run one after the other. Check your fix with `cargo xtask exercise
//! a-stock-service-fix`, which copies this file to `exercises/a-stock-service-fix.rs`.

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

// ANCHOR: a_stock_service_fix
use std::time::Duration;

// ANCHOR_END: a_stock_service_fix
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: a_stock_service_fix
async fn download(file: &str, seconds: u64) {
    say!("{file}: started");
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

// ANCHOR_END: a_stock_service_fix
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: a_stock_service_fix
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: a_stock_service_fix
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: a_stock_service_fix
    // Awaits one download, then the other: their waits add up.
    download("report.pdf", 2).await;
    download("logo.png", 1).await;
    say!("both downloads done");
}
// ANCHOR_END: a_stock_service_fix

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
