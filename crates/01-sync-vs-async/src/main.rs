//! Runs lesson 01 on real time: `cargo run -p lesson-01-sync-vs-async`
//! (add a program's name, e.g. `-- non-blocking`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_01_sync_vs_async::programs());
}
