//! Runs this lesson on real time: `cargo run -p lesson-timeouts-and-intervals`
//! (add a program's name, e.g. `-- interval-skip`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_timeouts_and_intervals::programs());
}
