//! Exercise `biggest-future` (predict the output): four packing futures,
//! measured with `size_of_val` before they run. Write down what it prints,
//! in order, with the time of each line, before you run it:
//! `cargo xtask exercise biggest-future` checks your prediction, and
//! `cargo run -p lesson-state-machines -- biggest-future` runs it.

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

// ANCHOR: biggest_future
use std::mem::size_of_val;
use std::time::Duration;

async fn pack_both() {
    let label = [1u8; 1024];
    let invoice = [2u8; 1024];
    tokio::time::sleep(Duration::from_millis(100)).await;
    say!("both: {} bytes", label.len() + invoice.len());
}

async fn pack_in_turn() {
    {
        let label = [1u8; 1024];
        tokio::time::sleep(Duration::from_millis(100)).await;
        say!("in turn: label, {} bytes", label.len());
    }
    {
        let invoice = [2u8; 1024];
        tokio::time::sleep(Duration::from_millis(100)).await;
        say!("in turn: invoice, {} bytes", invoice.len());
    }
}

async fn pack_on_the_heap() {
    let manifest = vec![3u8; 4096];
    tokio::time::sleep(Duration::from_millis(100)).await;
    say!("heap: manifest, {} bytes", manifest.len());
}

/// A size to the nearest KiB (the exact one is the compiler's business).
fn approx(bytes: usize) -> String {
    if bytes < 1024 {
        "under 1 KiB".to_string()
    } else {
        format!("about {} KiB", (bytes + 512) / 1024)
    }
}

// ANCHOR_END: biggest_future
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: biggest_future
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: biggest_future
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: biggest_future
    // Only measured, never polled: a future's size is its type's.
    say!("pack_both:        {}", approx(size_of_val(&pack_both())));
    say!("pack_in_turn:     {}", approx(size_of_val(&pack_in_turn())));
    say!(
        "pack_on_the_heap: {}",
        approx(size_of_val(&pack_on_the_heap()))
    );
}
// ANCHOR_END: biggest_future

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
