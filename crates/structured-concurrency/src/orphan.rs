//! `orphan`: an order request calls three services at once, each call a
//! task of its own (`tokio::spawn`). The payment is declined at 1 s and
//! `?` returns the error at once, but the other two calls are tasks that
//! nobody owns any more: stock is reserved at 2 s and a shipping label
//! printed at 3 s, for an order that failed a second before.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-structured-concurrency -- orphan`.

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

// ANCHOR: orphan
use std::time::Duration;

// ANCHOR_END: orphan
#[cfg_attr(test, lesson_kit::lane(service))]
// ANCHOR: orphan
/// One call to a service: its reply comes after `millis`.
async fn call(
    service: &'static str,
    millis: u64,
    reply: Result<&'static str, &'static str>,
) -> Result<(), String> {
    // Waits for the service's reply over the network.
    tokio::time::sleep(Duration::from_millis(millis)).await;
    match reply {
        Ok(done) => {
            say!("{service}: {done}");
            Ok(())
        }
        Err(refused) => Err(format!("{service}: {refused}")),
    }
}

// ANCHOR_END: orphan
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: orphan
async fn place_order(order: u32) -> Result<(), String> {
    say!("order {order}: calling three services");
    // Three tasks, handed to the runtime: they run whether or not anyone
    // awaits their handles.
    let inventory = tokio::spawn(call("inventory", 2000, Ok("2 items reserved")));
    let payment = tokio::spawn(call("payment", 1000, Err("card declined")));
    let shipping = tokio::spawn(call("shipping", 3000, Ok("label printed")));
    // The payment answers first. Its error returns from `place_order` right
    // here, and the two other handles are dropped: that detaches their
    // tasks, it does not stop them.
    payment.await.expect("the call does not panic")?;
    inventory.await.expect("the call does not panic")?;
    shipping.await.expect("the call does not panic")?;
    say!("order {order}: placed");
    Ok(())
}

// ANCHOR_END: orphan
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: orphan
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: orphan
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: orphan
    if let Err(error) = place_order(1).await {
        say!("main: order 1 failed ({error})");
    }
    // The server runs on; the order is over, its calls are not.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: orphan

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
