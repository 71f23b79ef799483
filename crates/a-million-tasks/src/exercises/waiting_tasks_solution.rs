//! A solution of exercise `waiting-tasks`: the loop takes the permit
//! before it spawns, with `acquire_owned`, and moves it into the task, so
//! a task exists only once it may run. (Spawning only while the `JoinSet`
//! holds fewer than three tasks, waiting in `join_next().await` otherwise,
//! fixes it too.)

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

// ANCHOR: waiting_tasks_solution
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

// ANCHOR_END: waiting_tasks_solution
#[cfg_attr(test, lesson_kit::lane(format!("request {id}")))]
// ANCHOR: waiting_tasks_solution
async fn request(id: u64) {
    // The tasks spawned on this runtime and not finished yet.
    let alive = Handle::current().metrics().num_alive_tasks();
    say!("request {id}: sent ({alive} tasks alive)");
    // The service answers in 0.3, 0.4 or 0.5 s; the thread is free.
    tokio::time::sleep(Duration::from_millis(300 + 100 * ((id - 1) % 3))).await;
}

// ANCHOR_END: waiting_tasks_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: waiting_tasks_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: waiting_tasks_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: waiting_tasks_solution
    let permits = Arc::new(Semaphore::new(3));
    let mut requests = JoinSet::new();
    for id in 1..=8 {
        // Waits for one of the service's 3 permits *before* the task
        // exists; the tasks that hold the others run meanwhile.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("never closed");
        requests.spawn(async move {
            request(id).await;
            // The permit goes back as the task ends.
            drop(permit);
        });
    }
    // Takes each request's result as it finishes.
    while let Some(done) = requests.join_next().await {
        done.expect("a request does not panic");
    }
    say!("all 8 requests answered");
}
// ANCHOR_END: waiting_tasks_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
