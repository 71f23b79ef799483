//! Runs lesson 03 on real time: `cargo run -p lesson-03-event-loop`
//! (add a program's name, e.g. `-- interleaving`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_03_event_loop::programs());
}
