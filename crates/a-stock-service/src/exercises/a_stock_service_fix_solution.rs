//! A solution of exercise `a-stock-service-fix`: `join!` runs the two downloads
//! at once, so their waits overlap. (Spawning both and awaiting the
//! handles fixes it too.)

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

// ANCHOR: a_stock_service_fix_solution
use std::time::Duration;

// ANCHOR_END: a_stock_service_fix_solution
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: a_stock_service_fix_solution
async fn download(file: &str, seconds: u64) {
    say!("{file}: started");
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

// ANCHOR_END: a_stock_service_fix_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: a_stock_service_fix_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: a_stock_service_fix_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: a_stock_service_fix_solution
    // Both downloads at once, on this one thread: their waits overlap.
    tokio::join!(download("report.pdf", 2), download("logo.png", 1));
    say!("both downloads done");
}
// ANCHOR_END: a_stock_service_fix_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
