//! A solution of exercise `seat-holds`: the actor keeps a `WeakSender` to
//! its own mailbox, which does not count as a handle, so it cannot keep
//! the actor alive. Each hold upgrades it to a real `Sender` for its
//! reminder: a reminder still to come keeps the actor running, as it
//! should, and the actor stops when the last one has been handled.

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

// ANCHOR: seat_holds_solution
use std::time::Duration;

use tokio::sync::mpsc;

enum Request {
    Hold(&'static str),
    Expire(&'static str),
}

// ANCHOR_END: seat_holds_solution
#[cfg_attr(test, lesson_kit::lane("seats actor"))]
// ANCHOR: seat_holds_solution
async fn seats(mut mailbox: mpsc::Receiver<Request>, me: mpsc::WeakSender<Request>) {
    while let Some(request) = mailbox.recv().await {
        match request {
            Request::Hold(seat) => {
                say!("seats: {seat} held for 2 s");
                // A real sender for the reminder, while the box office (or
                // another reminder) still keeps the mailbox open.
                let Some(me) = me.upgrade() else { continue };
                // The reminder: a task that mails the actor back later.
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                    let _ = me.send(Request::Expire(seat)).await;
                });
            }
            Request::Expire(seat) => say!("seats: hold on {seat} expired"),
        }
    }
    say!("seats: actor stopped");
}

// ANCHOR_END: seat_holds_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: seat_holds_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: seat_holds_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: seat_holds_solution
    let (handle, mailbox) = mpsc::channel(8);
    // The actor keeps only a weak sender to its own mailbox: it does
    // not count, so the actor stops once every real sender is gone.
    let actor = tokio::spawn(seats(mailbox, handle.downgrade()));
    // The box office holds two seats, half a second apart.
    handle
        .send(Request::Hold("12A"))
        .await
        .expect("the actor runs");
    tokio::time::sleep(Duration::from_millis(500)).await;
    handle
        .send(Request::Hold("12B"))
        .await
        .expect("the actor runs");
    // The box office closes: the last handle outside the actor is gone.
    drop(handle);
    say!("box office: closed, handle dropped");
    actor.await.expect("the seats actor does not panic");
    say!("main: the seats actor has ended");
}
// ANCHOR_END: seat_holds_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
