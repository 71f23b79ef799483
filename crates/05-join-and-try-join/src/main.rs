//! Runs lesson 05 on real time: `cargo run -p lesson-05-join-and-try-join`
//! (add a program's name, e.g. `-- try-join`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_05_join_and_try_join::programs());
}
