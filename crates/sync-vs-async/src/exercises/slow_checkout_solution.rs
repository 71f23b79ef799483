//! A solution of exercise `slow-checkout`: each payment waits for the bank
//! with `tokio::time::sleep(..).await`, which gives the thread back to
//! `join!` instead of holding it, so the three waits overlap. (Spawning
//! each payment as a task would not help on its own: a task that blocks
//! holds the one thread just the same. The wait itself must be an
//! `.await`.)

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

// ANCHOR: slow_checkout_solution
use std::time::Duration;

// ANCHOR_END: slow_checkout_solution
#[cfg_attr(test, lesson_kit::lane(format!("order {order}")))]
// ANCHOR: slow_checkout_solution
async fn charge(order: u32) {
    say!("order {order}: charging the card");
    // Waits the 1 s the bank takes to answer, without holding the thread:
    // `join!` polls the next payment meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("order {order}: paid");
}

// ANCHOR_END: slow_checkout_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: slow_checkout_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: slow_checkout_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: slow_checkout_solution
    // Joined, so that the three payments wait for the bank at once.
    tokio::join!(charge(1), charge(2), charge(3));
    say!("checkout: all three orders paid");
}
// ANCHOR_END: slow_checkout_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
