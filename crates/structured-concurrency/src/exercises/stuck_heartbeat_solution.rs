//! A solution of exercise `stuck-heartbeat`: the upload is a task of a
//! `JoinSet`, so the runtime polls it when the connection is handed to it,
//! while `main` waits in a ping; `select!` waits only for the set. (Giving
//! `select!` a new `upload_report(..)` by value on each turn passes the
//! check too, but only because the 300 ms upload is shorter than the
//! 400 ms heartbeat: each turn the heartbeat wins drops the upload and
//! starts it again, so an upload longer than 400 ms would never finish.)

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

// ANCHOR: stuck_heartbeat_solution
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

// ANCHOR_END: stuck_heartbeat_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_heartbeat_solution
async fn backup(connection: OwnedSemaphorePermit) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    say!("backup: done");
    drop(connection);
}

// ANCHOR_END: stuck_heartbeat_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_heartbeat_solution
async fn upload_report(pool: Arc<Semaphore>) {
    // Queues for the one connection, first come, first served.
    let _connection = pool.acquire().await.expect("the pool is never closed");
    tokio::time::sleep(Duration::from_millis(300)).await;
    say!("upload: report stored");
}

// ANCHOR_END: stuck_heartbeat_solution
#[cfg_attr(test, lesson_kit::lane)]
// ANCHOR: stuck_heartbeat_solution
async fn ping(pool: &Semaphore) {
    let _connection = pool.acquire().await.expect("the pool is never closed");
    say!("ping: database alive");
}

// ANCHOR_END: stuck_heartbeat_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: stuck_heartbeat_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: stuck_heartbeat_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: stuck_heartbeat_solution
    let pool = Arc::new(Semaphore::new(1));
    let held = Arc::clone(&pool).acquire_owned().await.expect("open");
    tokio::spawn(backup(held));
    // A task, polled by the runtime whenever it is woken: when the backup
    // hands it the connection, it takes it, even while `main` is in a ping.
    let mut upload = JoinSet::new();
    upload.spawn(upload_report(Arc::clone(&pool)));
    loop {
        tokio::select! {
            biased;
            // Cancel safe: losing this branch drops the wait, not the task.
            Some(_) = upload.join_next() => {
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
// ANCHOR_END: stuck_heartbeat_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
