//! Runs this lesson on real time: `cargo run -p lesson-structured-concurrency`
//! (add a program's name, e.g. `-- two-downloads`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_structured_concurrency::programs());
}
