//! Exercise `stuck-heartbeat` (fix the bug): a service has one database
//! connection, a `Semaphore` of one permit, and a nightly backup holds it
//! for the first second. `main` waits for a report upload while a
//! heartbeat pings the database every 0.4 s. The upload should be stored
//! soon after the backup, and the pings should go on; instead, once the
//! backup is done at 1 s, nothing happens again until the tripwire. Make it
//! finish: the heartbeat kept, the upload stored by 1.5 s, the report
//! reported uploaded.
//!
//! Check your fix with `cargo xtask exercise stuck-heartbeat`, which
//! copies this file to `exercises/stuck-heartbeat.rs` for you to edit.

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

// ANCHOR: stuck_heartbeat
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

// ANCHOR_END: stuck_heartbeat
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_heartbeat
async fn backup(connection: OwnedSemaphorePermit) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("backup: done");
    drop(connection);
}

// ANCHOR_END: stuck_heartbeat
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_heartbeat
async fn upload_report(pool: Arc<Semaphore>) {
    // Queues for the one connection, first come, first served.
    let _connection = pool.acquire().await.expect("the pool is never closed");
    tokio::time::sleep(Duration::from_millis(300)).await;
    say!("upload: report stored");
}

// ANCHOR_END: stuck_heartbeat
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_heartbeat
async fn ping(pool: &Semaphore) {
    let _connection = pool.acquire().await.expect("the pool is never closed");
    say!("ping: database alive");
}

// ANCHOR_END: stuck_heartbeat
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stuck_heartbeat
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stuck_heartbeat
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stuck_heartbeat
    let pool = Arc::new(Semaphore::new(1));
    let held = Arc::clone(&pool).acquire_owned().await.expect("open");
    tokio::spawn(backup(held));
    let mut upload = pin!(upload_report(Arc::clone(&pool)));
    loop {
        tokio::select! {
            biased;
            () = &mut upload => {
                say!("main: report uploaded");
                break;
            }
            () = tokio::time::sleep(Duration::from_millis(400)) => {
                say!("heartbeat: pinging");
                ping(&pool).await;
            }
        }
    }
}
// ANCHOR_END: stuck_heartbeat

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
