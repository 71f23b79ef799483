//! Runs this lesson on real time: `cargo run -p lesson-blocking-the-runtime`
//! (add a program's name, e.g. `-- spawn-blocking`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_blocking_the_runtime::programs());
}
