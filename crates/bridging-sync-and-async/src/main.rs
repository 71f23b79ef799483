//! Runs this lesson on real time: `cargo run -p lesson-bridging-sync-and-async`
//! (add a program's name, e.g. `-- own-runtime`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_bridging_sync_and_async::programs());
}
