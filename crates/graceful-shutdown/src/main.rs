//! Runs this lesson on real time: `cargo run -p lesson-graceful-shutdown`
//! (add a program's name, e.g. `-- shutdown`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_graceful_shutdown::programs());
}
