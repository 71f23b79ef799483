//! Runs this lesson on real time: `cargo run -p lesson-select`
//! (add a program's name, e.g. `-- race`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_select::programs());
}
