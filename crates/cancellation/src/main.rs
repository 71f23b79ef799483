//! Runs this lesson on real time: `cargo run -p lesson-cancellation`
//! (add a program's name, e.g. `-- cancel-unsafe`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_cancellation::programs());
}
