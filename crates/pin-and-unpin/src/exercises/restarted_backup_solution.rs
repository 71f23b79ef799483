//! A solution of exercise `restarted-backup`: the upload is created once,
//! before the loop, and pinned, and each turn of the `select!` polls that
//! same future through `&mut`, so a tick interrupts it without restarting
//! it. (`Box::pin(upload(..))` before the loop works as well.)

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

// ANCHOR: restarted_backup_solution
use std::time::Duration;

// ANCHOR_END: restarted_backup_solution
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: restarted_backup_solution
async fn upload(file: &'static str) -> &'static str {
    say!("{file}: connecting");
    for part in 1..=3 {
        tokio::time::sleep(Duration::from_secs(7)).await;
        say!("{file}: part {part} of 3");
    }
    file
}

// ANCHOR_END: restarted_backup_solution
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: restarted_backup_solution
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: restarted_backup_solution
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: restarted_backup_solution
    let mut ticker = tokio::time::interval(Duration::from_secs(16));
    ticker.tick().await; // the first tick completes at once
    // One upload for the whole loop, pinned so that `&mut backup` is a
    // future: a `select!` branch takes it by reference, turn after turn.
    let backup = upload("backup.tar");
    tokio::pin!(backup);
    loop {
        tokio::select! {
            biased;
            file = &mut backup => {
                say!("main: {file} uploaded");
                break;
            }
            _ = ticker.tick() => say!("main: still uploading"),
        }
    }
}
// ANCHOR_END: restarted_backup_solution

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
