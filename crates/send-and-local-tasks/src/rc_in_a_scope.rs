//! `rc-in-a-scope`: a spawned task may *use* an `Rc`, as long as no `Rc`
//! is alive at an `.await`. `Send` is asked of the task's whole state
//! machine, that is, of what it holds while it waits: here an `Arc<str>`
//! and a `String`, both `Send`. The `Rc` lives in a block that ends before
//! the `.await`, so it is never part of that state.
//!
//! A whole program: the book shows the lines between the `ANCHOR` markers,
//! and its Play button sends the whole file. Run it on its own with
//! `cargo run -p lesson-send-and-local-tasks -- rc-in-a-scope`.

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

// ANCHOR: rc_in_a_scope
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// A sensor's name from its tags, as some older library builds it: from a
/// shared, single-threaded `Rc`.
fn sensor_name(tags: Rc<Vec<&str>>) -> String {
    tags.join("/")
}

// ANCHOR_END: rc_in_a_scope
#[cfg_attr(test, lesson_kit::lane(sensor))]
// ANCHOR: rc_in_a_scope
async fn read_sensor(site: Arc<str>, sensor: &'static str) -> String {
    // The `Rc` is made and used up inside this block, which ends before
    // the first `.await`: while the task waits, it holds no `Rc`.
    let name = {
        let tags = Rc::new(vec![sensor, "humidity"]);
        sensor_name(Rc::clone(&tags))
    };
    say!("{site}/{name}: reading");
    // What the task holds here is its state while it is suspended: `site`
    // (an `Arc<str>`) and `name` (a `String`). Both are `Send`.
    tokio::time::sleep(Duration::from_millis(500)).await;
    say!("{site}/{name}: 61 %");
    format!("{site}/{name}")
}

// ANCHOR_END: rc_in_a_scope
#[cfg_attr(test, lesson_kit::main)]
// ANCHOR: rc_in_a_scope
#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: rc_in_a_scope
    START.get_or_init(std::time::Instant::now);
    // ANCHOR: rc_in_a_scope
    let site: Arc<str> = Arc::from("greenhouse");
    // `tokio::spawn` checks `Send + 'static` here, on the future
    // `read_sensor` returns: it owns its data, and what it holds across
    // its `.await` can move to another thread.
    let north = tokio::spawn(read_sensor(Arc::clone(&site), "north"));
    let south = tokio::spawn(read_sensor(site, "south"));
    for task in [north, south] {
        let sensor = task.await.expect("a sensor task does not panic");
        say!("main: {sensor} stored");
    }
}
// ANCHOR_END: rc_in_a_scope

/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
