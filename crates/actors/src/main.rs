//! Runs this lesson on real time: `cargo run -p lesson-actors`
//! (add a program's name, e.g. `-- actor-backpressure`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_actors::programs());
}
