//! Runs lesson 08 on real time: `cargo run -p lesson-08-timeouts-and-intervals`
//! (add a program's name, e.g. `-- interval-skip`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_08_timeouts_and_intervals::programs());
}
