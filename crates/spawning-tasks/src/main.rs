//! Runs this lesson on real time: `cargo run -p lesson-spawning-tasks`
//! (add a program's name, e.g. `-- join-set`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_spawning_tasks::programs());
}
