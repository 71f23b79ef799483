//! Runs this lesson on real time: `cargo run -p lesson-chat-server`
//! (add a program's name, e.g. `-- chat`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_chat_server::programs());
}
