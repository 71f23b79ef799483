//! Runs this lesson on real time: `cargo run -p lesson-send-and-local-tasks`
//! (add a program's name, as `programs()` in src/lib.rs lists them, to
//! run only that one: `-- <name>`).

fn main() {
    lesson_kit::run_all(lesson_send_and_local_tasks::programs());
}
