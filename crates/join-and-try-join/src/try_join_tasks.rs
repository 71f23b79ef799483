//! `try-join-tasks`: the same checkout, with both steps spawned as tasks
//! and `try_join!` over their `JoinHandle`s. The first `Err` still ends the
//! join at 1 s, but what `try_join!` drops is the handles, and dropping a
//! `JoinHandle` detaches its task: the reservation runs on and finishes at
//! 2 s, as in Python.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-join-and-try-join -- try-join-tasks`.

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

// ANCHOR: try_join_tasks
use std::time::Duration;
use tokio::task::JoinHandle;

// ANCHOR_END: try_join_tasks
#[cfg_attr(test, lesson_kit::lane("payment"))]
// ANCHOR: try_join_tasks
async fn charge_card(order: u32) -> Result<u32, String> {
    say!("payment: charging the card for order {order}");
    // Waits 1 s for the bank's answer, handing the thread back meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("payment: card declined");
    Err("card declined".to_string())
}

// ANCHOR_END: try_join_tasks
#[cfg_attr(test, lesson_kit::lane("stock"))]
// ANCHOR: try_join_tasks
async fn reserve_stock(order: u32) -> Result<u32, String> {
    say!("stock: reserving 3 items for order {order}");
    // Waits 2 s for the warehouse. This is a task now: nobody drops this
    // future at 1 s, so the code after this `.await` runs.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("stock: 3 items reserved");
    Ok(3)
}

/// A task's own `Result`, or an `Err` if the task panicked or was aborted:
/// what `try_join!` needs to stop at the first failure (tokio's
/// `try_join!` documentation writes the same `flatten`).
async fn flatten(task: JoinHandle<Result<u32, String>>) -> Result<u32, String> {
    match task.await {
        Ok(result) => result,
        Err(e) => Err(format!("the task failed: {e}")),
    }
}

// ANCHOR_END: try_join_tasks
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: try_join_tasks
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: try_join_tasks
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: try_join_tasks
    // Each step runs as a task of the runtime, whatever happens to its
    // handle.
    let payment = tokio::spawn(charge_card(42));
    let stock = tokio::spawn(reserve_stock(42));
    // `try_join!` returns at the first `Err` and drops the other future,
    // `flatten(stock)`, with the handle in it. Dropping a `JoinHandle`
    // detaches the task; it does not cancel it.
    let checkout = tokio::try_join!(flatten(payment), flatten(stock));
    match checkout {
        Ok((charged, reserved)) => say!("checkout done: {charged}, {reserved}"),
        Err(e) => say!("checkout failed: {e}"),
    }
    // The reservation task is still running: it finishes meanwhile.
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("main: done");
}
// ANCHOR_END: try_join_tasks

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
