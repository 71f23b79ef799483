//! Runs this lesson on real time: `cargo run -p lesson-tcp-echo-server`
//! (add a program's name, as `programs()` in src/lib.rs lists them, to
//! run only that one: `-- <name>`).

fn main() {
    lesson_kit::run_all(lesson_tcp_echo_server::programs());
}
