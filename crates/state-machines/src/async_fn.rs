//! `async-fn`: an ordinary `async fn` with two `.await`s, the function the
//! next program writes out by hand as the state machine the compiler makes
//! of it. Both print the same transcript (the lesson's test checks it).
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-state-machines -- async-fn`.

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

// ANCHOR: async_fn
use std::time::Duration;

// ANCHOR_END: async_fn
#[cfg_attr(test, lesson_kit::lane(format!("order {order}")))]
// ANCHOR: async_fn
async fn deliver(order: u32) {
    say!("order {order}: packing");
    // Suspension point 1: `deliver` returns *pending* to its caller here,
    // and its future keeps `order` and this timer until it is polled again.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("order {order}: shipping");
    // Suspension point 2: the same, with the second timer.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("order {order}: delivered");
}

// ANCHOR_END: async_fn
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: async_fn
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: async_fn
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: async_fn
    // Calling `deliver` runs none of its body: it builds the state machine,
    // in its first state. `.await` polls it until it is done.
    deliver(7).await;
    say!("main: order 7 is home");
}
// ANCHOR_END: async_fn

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
