//! Runs lesson 04 on real time: `cargo run -p lesson-04-sequential-vs-concurrent`
//! (add a program's name, e.g. `-- joined`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_04_sequential_vs_concurrent::programs());
}
