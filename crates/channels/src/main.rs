//! Runs this lesson on real time: `cargo run -p lesson-channels`
//! (add a program's name, e.g. `-- backpressure`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_channels::programs());
}
