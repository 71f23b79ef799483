//! Runs this lesson on real time: `cargo run -p lesson-sequential-vs-concurrent`
//! (add a program's name, e.g. `-- joined`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_sequential_vs_concurrent::programs());
}
