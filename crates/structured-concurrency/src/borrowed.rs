//! `borrowed`: the order's three calls as futures inside one task, joined
//! with `try_join!`. They borrow the order from `place_order`'s frame,
//! which `tokio::spawn` would refuse, and they cannot outlive it: when the
//! payment fails at 1 s, `try_join!` drops the other two on the spot, and
//! the shipping label's `Drop` runs before `place_order` has returned.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-structured-concurrency -- borrowed`.

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

// ANCHOR: borrowed
use std::time::Duration;

struct Order {
    id: u32,
    customer: String,
}

/// A label being printed; dropped before it is printed, it is voided.
struct Label<'a> {
    order: &'a Order,
    printed: bool,
}

impl Drop for Label<'_> {
    fn drop(&mut self) {
        if !self.printed {
            say!("shipping: label for order {} voided", self.order.id);
        }
    }
}

// ANCHOR_END: borrowed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: borrowed
async fn reserve(order: &Order) -> Result<(), String> {
    tokio::time::sleep(Duration::from_secs(2)).await;
    say!("inventory: 2 items reserved for {}", order.customer);
    Ok(())
}

// ANCHOR_END: borrowed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: borrowed
async fn charge(order: &Order) -> Result<(), String> {
    tokio::time::sleep(Duration::from_secs(1)).await;
    Err(format!("payment: card of {} declined", order.customer))
}

// ANCHOR_END: borrowed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: borrowed
async fn print_label(order: &Order) -> Result<(), String> {
    let mut label = Label {
        order,
        printed: false,
    };
    // The label lives across this `.await`: dropped here, it is voided.
    tokio::time::sleep(Duration::from_secs(3)).await;
    label.printed = true;
    say!("shipping: label printed for {}", order.customer);
    Ok(())
}

// ANCHOR_END: borrowed
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: borrowed
async fn place_order(order: &Order) -> Result<(), String> {
    say!("order {}: calling three services", order.id);
    // Three futures in this one: each borrows `order`, and none can live
    // longer than this call. The first error drops the other two at once.
    tokio::try_join!(reserve(order), charge(order), print_label(order))?;
    say!("order {}: placed", order.id);
    Ok(())
}

// ANCHOR_END: borrowed
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: borrowed
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: borrowed
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: borrowed
    let order = Order {
        id: 1,
        customer: String::from("ada"),
    };
    if let Err(error) = place_order(&order).await {
        say!("main: order 1 failed ({error})");
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    say!("main: done");
}
// ANCHOR_END: borrowed

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
