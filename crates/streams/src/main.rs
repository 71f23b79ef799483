//! Runs this lesson on real time: `cargo run -p lesson-streams`
//! (add a program's name, e.g. `-- unfold`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_streams::programs());
}
