//! Runs this lesson on real time: `cargo run -p lesson-an-executor`
//! (add a program's name, e.g. `-- executor`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_an_executor::programs());
}
