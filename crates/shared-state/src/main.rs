//! Runs this lesson on real time: `cargo run -p lesson-shared-state`
//! (add a program's name, e.g. `-- tokio-mutex`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_shared_state::programs());
}
