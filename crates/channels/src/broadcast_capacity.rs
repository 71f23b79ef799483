//! `broadcast-capacity`: what `broadcast::channel(3)` keeps. tokio rounds
//! the capacity up to a power of two, 4: four values sent and not yet
//! read are all still there, and only a fifth makes a receiver lag. A
//! receiver made by `subscribe()` sees only the values sent after it:
//! nothing is replayed.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-channels -- broadcast-capacity`.

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

// ANCHOR: broadcast_capacity
use tokio::sync::broadcast;

// ANCHOR_END: broadcast_capacity
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: broadcast_capacity
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: broadcast_capacity
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: broadcast_capacity
    // Asks for room for 3 values; tokio makes it 4, a power of two.
    let (tx, mut first) = broadcast::channel(3);
    let mut second = tx.subscribe();
    for price in [100, 101, 102, 103] {
        tx.send(price).expect("someone is subscribed");
    }
    // Four values sent, none read yet: all four are kept.
    say!("first, after 4 sends: {:?}", first.recv().await);
    // The fifth overwrites the oldest, 100, which `second` has not read.
    tx.send(104).expect("someone is subscribed");
    say!("second, after 5 sends: {:?}", second.recv().await);
    // After `Lagged`, `recv` goes on with the oldest value still kept.
    say!("second, next: {:?}", second.recv().await);

    // A new receiver starts at the next value sent: the four values
    // still in the buffer are not for it.
    let mut late = tx.subscribe();
    say!("late, before any new send: {:?}", late.try_recv());
    tx.send(105).expect("someone is subscribed");
    say!("late, after 105 is sent: {:?}", late.recv().await);
}
// ANCHOR_END: broadcast_capacity

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
