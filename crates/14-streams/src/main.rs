//! Runs lesson 14 on real time: `cargo run -p lesson-14-streams`
//! (add a program's name, e.g. `-- unfold`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_14_streams::programs());
}
