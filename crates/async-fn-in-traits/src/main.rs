//! Runs this lesson on real time: `cargo run -p lesson-async-fn-in-traits`
//! (add a program's name, e.g. `-- two-sources`, to run only that one).

fn main() {
    lesson_kit::run_all(lesson_async_fn_in_traits::programs());
}
