//! Runs lesson 09 on real time: `cargo run -p lesson-09-cancellation`
//! (add a program's name, e.g. `-- cancel-unsafe`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_09_cancellation::programs());
}
