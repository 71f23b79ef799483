//! Runs this lesson on real time: `cargo run -p lesson-a-future-by-hand`
//! (add a program's name, as `programs()` in src/lib.rs lists them, to
//! run only that one: `-- <name>`).

fn main() {
    lesson_kit::run_all(lesson_a_future_by_hand::programs());
}
