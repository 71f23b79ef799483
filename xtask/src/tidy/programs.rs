//! A lesson program's file is the whole program the book shows and the
//! Playground runs, so what it hides is fixed here. A *program file* is a
//! lesson source with a `#[cfg_attr(test, lesson_kit::main)]` line; it has:
//!
//! - the [`SAY`] helper, word for word (and the [`THREAD`] swap when it
//!   calls `thread::sleep`, unless it imports `std::thread` in view: then
//!   its OS threads really sleep, in the tests too), so every listing's
//!   hidden `say!` is the one the introduction explains;
//! - between the anchor markers (the lines the book shows, with hidden gaps
//!   where one anchor closes and opens again), no hidden line but the
//!   instrumentation of [`HIDDEN`]: what the reader does not see cannot
//!   change what the program does outside the tests;
//! - `main` starting with [`START`], hidden, so `say!` counts from there;
//! - the [`TAIL`], by which `cargo run -p` and the tests reach `main`;
//!   only the program's own `#[cfg(test)] mod` may follow it.

use std::path::Path;

use crate::book::{Problem, problem, rel};

/// The hidden `say!` every program file carries.
pub const SAY: &str = r#"// `say!` is `println!` with the seconds since `main` began in front. In the
// lesson's tests the kit's `say!` stands in: the same line, recorded on a
// paused clock.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
#[cfg(not(test))]
macro_rules! say {
    ($($arg:tt)*) => {
        println!(
            "[{:.3}s] {}",
            START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            format_args!($($arg)*)
        )
    };
}
#[cfg(test)]
use lesson_kit::say;
"#;

/// The hidden swap of a program that blocks its thread.
pub const THREAD: &str = r#"// `thread::sleep` blocks the thread. In the lesson's tests the kit's stands
// in: it blocks the thread too, and moves the paused clock.
#[cfg(test)]
use lesson_kit::thread;
#[cfg(not(test))]
use std::thread;
"#;

/// `main`'s first line, hidden.
pub const START: &str = "START.get_or_init(std::time::Instant::now);";

/// The end of every program file.
pub const TAIL: &str = r#"
/// What `cargo run -p` and the lesson's tests call (`main` is private).
#[allow(dead_code)]
pub(crate) fn program() {
    main()
}
"#;

/// The hidden lines allowed between the shown ones (besides blank lines
/// and other anchors' markers).
pub const HIDDEN: &[&str] = &[
    "#[cfg_attr(test, lesson_kit::lane)]",
    "#[cfg_attr(test, lesson_kit::lane(..))]",
    "#[cfg_attr(test, lesson_kit::main)]",
    START,
];

fn allowed_hidden(line: &str) -> bool {
    let t = line.trim();
    t.is_empty()
        || t.starts_with("// ANCHOR")
        || t == HIDDEN[0]
        || (t.starts_with("#[cfg_attr(test, lesson_kit::lane(") && t.ends_with("))]"))
        || t == HIDDEN[2]
        || t == START
}

fn anchor_of<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let rest = line
        .trim()
        .strip_prefix("//")?
        .trim()
        .strip_prefix(marker)?;
    Some(rest.trim())
}

/// The problems of one lesson source, if it is a program file.
pub fn check_file(root: &Path, path: &Path, text: &str, problems: &mut Vec<Problem>) {
    if !text
        .lines()
        .any(|l| l.trim() == "#[cfg_attr(test, lesson_kit::main)]")
    {
        return;
    }
    let place = rel(root, path);
    if !text.contains(SAY) {
        problems.push(problem(
            &place,
            "is a lesson program but lacks the hidden `say!` word for word; copy it from crates/lesson-template/src/two_downloads.rs (xtask/src/tidy/programs.rs, SAY, is the reference).",
        ));
    }
    // A program that imports `std::thread` in view (OS threads are its
    // point) really sleeps, in the tests too, by its own choice.
    let real_threads = text.lines().any(|l| l == "use std::thread;")
        && !text.contains("#[cfg(not(test))]\nuse std::thread;");
    if text.contains("thread::sleep") && !text.contains(THREAD) && !real_threads {
        problems.push(problem(
            &place,
            "calls `thread::sleep` but lacks the hidden `thread` swap, so its tests would really sleep; add xtask/src/tidy/programs.rs's THREAD after the `say!` helper.",
        ));
    }
    // The TAIL ends the program; only its hidden tests may follow.
    let after_tail = text.rsplit_once(TAIL).map(|(_, rest)| {
        let code: Vec<&str> = rest
            .lines()
            .filter(|l| !l.trim_start().starts_with("///"))
            .collect();
        code.join("\n").trim().to_string()
    });
    if !after_tail.is_some_and(|rest| rest.is_empty() || rest.starts_with("#[cfg(test)]\nmod ")) {
        problems.push(problem(
            &place,
            "is a lesson program but does not end with `pub(crate) fn program() { main() }` (xtask/src/tidy/programs.rs, TAIL), by which `cargo run -p` and its tests reach `main`; add it at the end (only a `#[cfg(test)] mod` may follow it).",
        ));
    }
    // Hidden lines inside the shown part: between `ANCHOR_END: a` and the
    // next `ANCHOR: a`.
    let lines: Vec<&str> = text.lines().collect();
    let mut open: Option<&str> = None;
    let mut gap: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(name) = anchor_of(line, "ANCHOR_END:") {
            if open == Some(name) {
                open = None;
                gap = Some(name);
            }
            continue;
        }
        if let Some(name) = anchor_of(line, "ANCHOR:") {
            if open.is_none() {
                open = Some(name);
                gap = None;
            }
            continue;
        }
        if let Some(name) = gap
            && open.is_none()
            && !allowed_hidden(line)
        {
            // A gap ends where the anchor opens again; lines after its
            // last close are the hidden end of the file, not a gap.
            let reopens = lines[i..]
                .iter()
                .any(|l| anchor_of(l, "ANCHOR:") == Some(name));
            if reopens {
                problems.push(problem(
                    format!("{place}:{}", i + 1),
                    format!(
                        "is hidden inside the listing `{name}`, and only the kit's instrumentation may be ({}); show it (move the `// ANCHOR_END: {name}` below it) or move it out of the listing.",
                        HIDDEN.join(", ")
                    ),
                ));
            }
        }
    }
    // `main` starts with START.
    let main = lines
        .iter()
        .position(|l| l.starts_with("async fn main(") || l.starts_with("fn main("));
    let first = main.and_then(|m| {
        lines[m + 1..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty() && !l.starts_with("// ANCHOR"))
    });
    if first != Some(START) {
        problems.push(problem(
            &place,
            format!(
                "is a lesson program whose `main` does not begin with `{START}` (hidden between anchor markers), so `say!` would count from its first line, not from `main`; add it as `main`'s first line."
            ),
        ));
    }
}
