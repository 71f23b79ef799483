//! Runs this lesson on real time: `cargo run -p lesson-sync-vs-async`
//! (add a program's name, e.g. `-- non-blocking`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_sync_vs_async::programs());
}
