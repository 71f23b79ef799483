//! `pin-macro`: an async block that borrows one of its own variables
//! across an `.await` holds a reference into itself, so once it has been
//! polled it must not move. `std::pin::pin!` pins it where it is; the
//! pinned future can then be polled through `as_mut()` by one waiter
//! (a timeout here) and awaited later, keeping its progress.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-pin-and-unpin -- pin-macro`.

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

// ANCHOR: pin_macro
use std::pin::pin;
use std::time::Duration;

// ANCHOR_END: pin_macro
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: pin_macro
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: pin_macro
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: pin_macro
    let packing = async {
        let order = String::from("order 12, three books");
        // `label` borrows `order` itself, and both live across the
        // `.await`: the future stores `order` and, beside it, a reference
        // to the place in the future where `order` is stored.
        let label = &order;
        say!("packing {}", &label[..8]);
        tokio::time::sleep(Duration::from_secs(1)).await;
        say!("packed {}", &label[..8]);
    };
    // Not polled yet, so nothing points into it: moving it is fine.
    let moved = packing;
    // From here it stays where it is: `packing` is a `Pin<&mut _>` to it.
    let mut packing = pin!(moved);
    // The timeout polls the packing through `as_mut()`, a fresh
    // `Pin<&mut _>`, and gives up at 0.4 s without dropping it.
    if tokio::time::timeout(Duration::from_millis(400), packing.as_mut())
        .await
        .is_err()
    {
        say!("main: not packed after 0.4 s, still waiting");
    }
    // The same future, polled again where it is: it goes on, it does not
    // start over.
    packing.await;
    say!("main: ready to ship");
}
// ANCHOR_END: pin_macro

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
