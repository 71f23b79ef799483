//! Runs lesson 02 on real time: `cargo run -p lesson-02-futures-are-lazy`
//! (add a program's name, e.g. `-- coroutine`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_02_futures_are_lazy::programs());
}
