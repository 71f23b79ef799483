//! Runs lesson 11 on real time: `cargo run -p lesson-11-channels`
//! (add a program's name, e.g. `-- backpressure`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_11_channels::programs());
}
