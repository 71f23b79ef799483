//! Exercise `seat-holds` (fix the bug): a seats actor holds a seat for 2 s
//! and then lets it go. To know when, it mails itself an `Expire` from a
//! reminder task, through a `Sender` to its own mailbox that it keeps. The
//! holds expire on time, but once the box office has closed and dropped its
//! handle, the actor never stops, and `main` waits for it for ever. Make
//! the actor stop once the box office is closed and the last reminder has
//! come in, with both holds still expiring on time.
//!
//! Check your fix with `cargo xtask exercise seat-holds`, which copies this
//! file to `exercises/seat-holds.rs` for you to edit.

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

// ANCHOR: seat_holds
use std::time::Duration;

use tokio::sync::mpsc;

enum Request {
    Hold(&'static str),
    Expire(&'static str),
}

// ANCHOR_END: seat_holds
#[cfg_attr(test, lesson_kit::lane("seats actor"))]
// ANCHOR: seat_holds
async fn seats(mut mailbox: mpsc::Receiver<Request>, me: mpsc::Sender<Request>) {
    while let Some(request) = mailbox.recv().await {
        match request {
            Request::Hold(seat) => {
                say!("seats: {seat} held for 2 s");
                // A sender for the reminder, cloned from the one the actor keeps.
                let me = me.clone();
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

// ANCHOR_END: seat_holds
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: seat_holds
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: seat_holds
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: seat_holds
    let (handle, mailbox) = mpsc::channel(8);
    // The actor keeps a sender to its own mailbox, for its reminders.
    let actor = tokio::spawn(seats(mailbox, handle.clone()));
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
// ANCHOR_END: seat_holds

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
