//! Runs this lesson on real time: `cargo run -p lesson-join-and-try-join`
//! (add a program's name, e.g. `-- try-join`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_join_and_try_join::programs());
}
