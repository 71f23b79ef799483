//! Runs lesson 06 on real time: `cargo run -p lesson-06-spawning-tasks`
//! (add a program's name, e.g. `-- join-set`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_06_spawning_tasks::programs());
}
