//! Runs this lesson on real time: `cargo run -p lesson-send-and-local-tasks`
//! (add a program's name, e.g. `-- two-downloads`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_send_and_local_tasks::programs());
}
