//! Runs lesson 07 on real time: `cargo run -p lesson-07-select`
//! (add a program's name, e.g. `-- race`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_07_select::programs());
}
