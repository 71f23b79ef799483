//! Runs this lesson on real time: `cargo run -p lesson-event-loop`
//! (add a program's name, e.g. `-- interleaving`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_event_loop::programs());
}
