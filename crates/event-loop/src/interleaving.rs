//! `interleaving`: three download tasks on one thread; the runtime
//! switches between them at each `.await`.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-event-loop -- interleaving`.

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

// ANCHOR: interleaving
use std::time::Duration;
use tokio::task::JoinSet;

// ANCHOR_END: interleaving
#[cfg_attr(test, lesson_kit::lane(file))]
// ANCHOR: interleaving
async fn download(file: &str, seconds: u64) {
    say!("{file}: connecting");
    // `yield_now` returns Pending once: this task steps aside, and the
    // runtime runs the other ready tasks (and checks its timers and I/O)
    // before it polls this one again.
    tokio::task::yield_now().await;
    say!("{file}: connected, downloading for {seconds} s");
    // Pending until the timer fires; the runtime runs other tasks, or
    // parks the thread if none is ready.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{file}: done");
}

// ANCHOR_END: interleaving
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: interleaving
// ANCHOR: short_main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: short_main
    // ANCHOR_END: interleaving
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: interleaving
    // Submits three tasks to the runtime, each spawned into a `JoinSet`
    // that owns them; none starts before `main` itself reaches an
    // `.await`, since they all share this thread.
    let mut downloads = JoinSet::new();
    downloads.spawn(download("report.pdf", 2));
    downloads.spawn(download("photo.jpg", 1));
    downloads.spawn(download("song.mp3", 3));
    say!("main: three downloads spawned");
    // Pending until one of the tasks is done, whichever it is; meanwhile
    // the runtime runs all three. `None` once none is left.
    while let Some(done) = downloads.join_next().await {
        done.expect("a download does not panic");
    }
    say!("main: all downloads done");
}
// ANCHOR_END: interleaving

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
