//! Runs this lesson on real time: `cargo run -p lesson-finding-a-hang`
//! (add a program's name, e.g. `-- two-downloads`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_finding_a_hang::programs());
}
