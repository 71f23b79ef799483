//! Runs this lesson on real time: `cargo run -p lesson-a-stock-service`
//! (add a program's name, as `programs()` in src/lib.rs lists them, to
//! run only that one: `-- <name>`).

fn main() {
    lesson_kit::run_all(lesson_a_stock_service::programs());
}
