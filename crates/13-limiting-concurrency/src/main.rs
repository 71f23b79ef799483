//! Runs lesson 13 on real time: `cargo run -p lesson-13-limiting-concurrency`
//! (add a program's name, e.g. `-- semaphore`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_13_limiting_concurrency::programs());
}
