//! Runs the lesson's programs as the snapshots do (a thousand requests):
//! `cargo run -p lesson-a-million-tasks` (add a program's name, e.g.
//! `-- join-all`, to run only that one). For a million, see `--bin scale`;
//! for the benchmark, `--bin bench`.

fn main() {
    lesson_kit::run_all(lesson_a_million_tasks::programs());
}
