//! `try-join`: the same checkout with `tokio::try_join!`. The first `Err`
//! ends the whole join at 1 s, and the stock reservation, still waiting,
//! is dropped: cancelled at its `.await`, so its last line never prints.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-join-and-try-join -- try-join`.

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

// ANCHOR: try_join
use std::time::Duration;

// ANCHOR_END: try_join
#[cfg_attr(test, lesson_kit::lane("payment"))]
// ANCHOR: try_join
async fn charge_card(order: u32) -> Result<u32, String> {
    say!("payment: charging the card for order {order}");
    // Waits 1 s for the bank's answer, handing the thread back meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("payment: card declined");
    Err("card declined".to_string())
}

// ANCHOR_END: try_join
#[cfg_attr(test, lesson_kit::lane("stock"))]
// ANCHOR: try_join
async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("stock: reserving 3 items for order {order}");
    // Waits 2 s for the warehouse. `try_join!` drops this future here at
    // 1 s, so the code after this `.await` never runs.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("stock: 3 items reserved");
    Ok(3)
}

// ANCHOR_END: try_join
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: try_join
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: try_join
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: try_join
    // `try_join!` polls both futures like `join!`, but returns as soon as
    // one of them returns `Err`, and drops the others where they are.
    let checkout = tokio::try_join!(charge_card(42), reserve_stock(42));
    match checkout {
        Ok((charged, reserved)) => say!("checkout done: {charged}, {reserved}"),
        Err(e) => say!("checkout failed: {e}"),
    }
    // Nothing of the reservation is left to finish: waiting 2 s more
    // prints nothing else.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: try_join

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
