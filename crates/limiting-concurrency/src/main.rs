//! Runs this lesson on real time: `cargo run -p lesson-limiting-concurrency`
//! (add a program's name, e.g. `-- semaphore`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_limiting_concurrency::programs());
}
