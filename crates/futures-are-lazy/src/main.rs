//! Runs this lesson on real time: `cargo run -p lesson-futures-are-lazy`
//! (add a program's name, e.g. `-- coroutine`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_futures_are_lazy::programs());
}
