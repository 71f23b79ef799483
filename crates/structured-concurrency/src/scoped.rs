//! `scoped`: the same order request, with its three calls spawned into a
//! `JoinSet` that `place_order` owns. However the function is left, the set
//! is dropped with it, and dropping a `JoinSet` aborts every task still in
//! it: order 1 is left by `?` at 1 s, order 2 by its caller, who gives up
//! after 0.5 s. No call of either order outlives it.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-structured-concurrency -- scoped`.

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

// ANCHOR: scoped
use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR_END: scoped
#[cfg_attr(test, lesson_kit::lane(service))]
// ANCHOR: scoped
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

// ANCHOR_END: scoped
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: scoped
async fn place_order(order: u32, card: Result<&'static str, &'static str>) -> Result<(), String> {
    say!("order {order}: calling three services");
    // The set is a local of this function: it is dropped on every way out
    // of it, and its `Drop` aborts the tasks still in it.
    let mut calls = JoinSet::new();
    calls.spawn(call("inventory", 2000, Ok("2 items reserved")));
    calls.spawn(call("payment", 1000, card));
    calls.spawn(call("shipping", 3000, Ok("label printed")));
    // Waits for the calls in the order they finish; the first error
    // returns from the function, and the set with it.
    while let Some(finished) = calls.join_next().await {
        finished.expect("the call does not panic")?;
    }
    say!("order {order}: placed");
    Ok(())
}

// ANCHOR_END: scoped
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: scoped
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: scoped
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: scoped
    // Order 1 is left by `?`: the card is declined at 1 s.
    if let Err(error) = place_order(1, Err("card declined")).await {
        say!("main: order 1 failed ({error})");
    }
    // Order 2 is left by its caller: `timeout` drops the unfinished
    // `place_order` future after 0.5 s, and the set inside it.
    let patience = Duration::from_millis(500);
    if tokio::time::timeout(patience, place_order(2, Ok("card charged")))
        .await
        .is_err()
    {
        say!("main: order 2 abandoned by the customer");
    }
    // Long enough for every call to have answered, had any run on.
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: scoped

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
