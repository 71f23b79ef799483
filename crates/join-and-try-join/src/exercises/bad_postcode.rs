//! Exercise `bad-postcode` (predict the output): an order checked in three
//! steps joined with `try_join!`, and its postcode is wrong. Write down what
//! it prints, in order, with the time of each line, before you run it:
//! `cargo xtask exercise bad-postcode` checks your prediction, and
//! `cargo run -p lesson-join-and-try-join -- bad-postcode` runs it.

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

// ANCHOR: bad_postcode
use std::time::Duration;

// ANCHOR_END: bad_postcode
#[cfg_attr(test, lesson_kit::lane("stock"))]
// ANCHOR: bad_postcode
async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("stock: reserving for order {order}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("stock: reserved");
    Ok(3)
}

// ANCHOR_END: bad_postcode
#[cfg_attr(test, lesson_kit::lane("address"))]
// ANCHOR: bad_postcode
async fn check_address(order: u32, postcode: &str) -> Result<(), String> {
    say!("address: checking order {order}");
    if postcode.len() != 5 {
        return Err(format!("no such postcode {postcode:?}"));
    }
    // Asks the courier whether it delivers there.
    tokio::time::sleep(Duration::from_millis(500)).await;
    Ok(())
}

// ANCHOR_END: bad_postcode
#[cfg_attr(test, lesson_kit::lane("payment"))]
// ANCHOR: bad_postcode
async fn charge_card(order: u32) -> Result<u32, String> {
    say!("payment: charging order {order}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("payment: charged");
    Ok(4999)
}

// ANCHOR_END: bad_postcode
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: bad_postcode
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: bad_postcode
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: bad_postcode
    let checked = tokio::try_join!(reserve_stock(7), check_address(7, "1234"), charge_card(7));
    match checked {
        Ok(_) => say!("order 7: accepted"),
        Err(e) => say!("order 7: rejected, {e}"),
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: bad_postcode

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
