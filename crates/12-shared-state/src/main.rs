//! Runs lesson 12 on real time: `cargo run -p lesson-12-shared-state`
//! (add a program's name, e.g. `-- tokio-mutex`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_12_shared_state::programs());
}
