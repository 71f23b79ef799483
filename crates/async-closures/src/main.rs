//! Runs this lesson on real time: `cargo run -p lesson-async-closures`
//! (add a program's name, e.g. `-- retry-with-backoff`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_async_closures::programs());
}
