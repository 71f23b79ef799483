//! The tidy checks (rust-analyzer's "tidy test" idea): the workspace's
//! structure is checked by `cargo test` (see the test at the bottom) and by
//! `cargo xtask check`, and every failure names the file and the command or
//! edit that fixes it.
//!
//! - every lesson crate has exactly one chapter and one SUMMARY entry, every
//!   SUMMARY entry exists, every chapter is in SUMMARY, and a lesson's
//!   folder, package and chapter carry its slug (`SUMMARY.md` alone orders
//!   the lessons, so nothing else is numbered);
//! - every `{{#include}}` / `{{#rustdoc_include}}` resolves to a non-empty
//!   selection, and every `ANCHOR:` has its `ANCHOR_END:`;
//! - every snapshot belongs to a test, every program has its snapshot, and
//!   no `.snap.new` is left behind;
//! - every `.rs` file belongs to a workspace member, and every lesson source
//!   opens with `//!`;
//! - every code block has a language, and no Rust block dodges the tests
//!   (`compile_fail`, `ignore`, `no_run`, `should_panic`) without a reason
//!   from [`ALLOWED_DODGES`];
//! - the book's promise, below ([`outputs`]).
//!
//! # The book's promise
//!
//! Every listing and every output in the book is compiled, run and checked
//! by the tests. The rules, on each chapter as written (before expansion):
//!
//! **Files.** A *listing* is an included `.rs` or `.py` file. An *output*
//! is an included `.snap` (an insta snapshot: a program's transcript in
//! `src/snapshots/`, or a compiler message a test locks in `fixtures/`;
//! the snapshot checks above make sure a test owns every one) or `.out` (a
//! Python program's output, which `cargo xtask python` compares, beside its
//! `.py`). A *timeline* is an included `snapshots/<program>.svg`.
//!
//! **1. No output typed by hand.**
//! - a ```` ```text ```` block is an output's place: its whole body is one
//!   `{{#include}}` of an output inside a lesson crate. A hand-written one is
//!   refused, except a hand-drawn diagram marked ```` ```text,diagram ````;
//! - an output is shown only as the whole body of a ```` ```text ```` block
//!   (not in the prose, not in another block), a `.out` whole, a `.snap`
//!   from the end of its header (`:4:`, checked above);
//! - a `.out` has its `.py` beside it, so something runs it;
//! - a ```` ```python ```` block is one include of a lesson's
//!   `python/<program>.py` (which `cargo xtask python` runs);
//! - hand-written blocks are ```` ```rust ```` (the book tests compile and
//!   run them), ```` ```console ```` (every non-empty line is a command from
//!   [`outputs::COMMANDS`], after an optional `$ `, or a `#` comment) and
//!   ```` ```toml ```` (a configuration excerpt, or one include of a whole
//!   `.toml` file that a test uses); any other language is
//!   refused, and so is a block that includes a file in another language;
//! - no hand-written block but Rust, and no line outside the fenced blocks
//!   (an indented code block, raw HTML), starts like `say!`'s output,
//!   `[1.000s]`.
//!
//! **2. Every output beside its own program.** An output names its
//! program: `D/snapshots/P.snap` and `D/P.snap` are the output of `D/P.rs`
//! (`-` in `P` written `_`), `D/P.out` of `D/P.py`. The nearest listing
//! before an output in the chapter must be its program; in a lesson's
//! chapter there must be one (other chapters may show an example output on
//! its own). A timeline must come after its own transcript
//! (`snapshots/P.svg` after `snapshots/P.snap`), with no other output
//! between. So swapping two outputs, or two listings, is refused; the
//! chapter stays plain Markdown.
//!
//! **3. Nothing from outside the repository.** An include (checked by the
//! expansion itself, in `book_model::book::check_inside`, so the book tests
//! refuse it too and mdBook is not the only guard) or an image
//! (`![..](path)`, `<img src>`) must resolve, after `..` and symbolic links,
//! inside the repository and inside `book/` or `crates/`: not `target/`
//! (build output), not `xtask/`. An image fetched from the web is refused.
//!
//! **5. Quoted output.** A transcript line quoted in the prose as inline
//! code (`` `[3.000s] Task 1 finished` ``) must be a line of some lesson's
//! output file. Bare times (`` `3.000s` ``) are not checked: the prose also
//! names times that did not happen ("instead of `4.000s`").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use book_model::{Problem, book, files, problem, rel};

pub mod exercises;
pub mod outputs;
pub mod programs;

/// Rust block attributes that keep a block from being compiled or run as
/// written, and the reasons for which a chapter may use one. A block that
/// uses one must name its reason in the same info string, e.g.
/// ```` ```rust,compile_fail,because-the-error-is-the-lesson ````.
pub const ALLOWED_DODGES: &[(&str, &str, &str)] = &[
    (
        "compile_fail",
        "because-the-error-is-the-lesson",
        "the chapter shows code that must not compile, and rustdoc checks that it indeed fails",
    ),
    (
        "should_panic",
        "because-the-panic-is-the-lesson",
        "the chapter shows a panic, and rustdoc checks that it indeed panics",
    ),
];

/// The tooling crates the book never includes from, so their anchor
/// markers (in messages and tests) are not checked.
const NOT_INCLUDED: &[&str] = &["book-model", "book-tests"];

const DODGES: &[&str] = &["compile_fail", "ignore", "no_run", "should_panic"];

/// Runs every check and returns the problems found, sorted by place.
pub fn check(root: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let lessons = crate::lessons(root);
    check_lessons_and_chapters(root, &lessons, &mut problems);
    check_chapters(root, &lessons, &mut problems);
    check_sources(root, &lessons, &mut problems);
    check_snapshots(root, &lessons, &mut problems);
    exercises::check_unique_names(root, &lessons, &mut problems);
    problems.sort_by(|a, b| a.place.cmp(&b.place));
    problems.dedup();
    problems
}

/// The workspace's members, as `Cargo.toml` must list them.
const MEMBERS: &str = r#"members = ["crates/*", "xtask"]"#;

fn check_lessons_and_chapters(root: &Path, lessons: &[crate::Lesson], problems: &mut Vec<Problem>) {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    if !manifest.lines().any(|l| l.trim() == MEMBERS) {
        problems.push(problem(
            "Cargo.toml",
            format!(
                "the workspace must list exactly `{MEMBERS}`: a lesson is a folder in crates/, and a member elsewhere (`cargo new` inside the workspace adds one) breaks a fresh clone; restore that line."
            ),
        ));
    }
    let summary = match book::summary(root) {
        Ok(s) => s,
        Err(p) => {
            problems.push(p);
            return;
        }
    };
    for lesson in lessons {
        let place = rel(root, &lesson.dir.join("Cargo.toml"));
        match std::fs::read_to_string(lesson.dir.join("Cargo.toml")) {
            Ok(manifest) => {
                let name = book_model::package_name(&manifest);
                if name.as_deref() != Some(lesson.package().as_str()) {
                    problems.push(problem(
                        &place,
                        format!(
                            "the package is named {:?}, but the folder crates/{} requires `name = \"{}\"`; rename one of them so they agree.",
                            name.unwrap_or_default(),
                            lesson.slug,
                            lesson.package()
                        ),
                    ));
                }
            }
            Err(_) => problems.push(problem(
                &place,
                format!("is missing: every folder in crates/ other than the tooling crates ({}) is a lesson crate. Create the lesson with `cargo xtask new-lesson <slug>`, or move the folder out of crates/.", crate::TOOLING_CRATES.join(", ")),
            )),
        }
        let chapter = root.join(lesson.chapter());
        if !chapter.exists() {
            problems.push(problem(
                lesson.chapter(),
                format!(
                    "is missing: lesson {} needs its chapter. Create it (copy the layout of another chapter) or recreate the lesson with `cargo xtask new-lesson {} --after <slug>`.",
                    lesson.slug,
                    lesson.slug
                ),
            ));
        }
        let file = format!("{}.md", lesson.slug);
        let entries = summary.iter().filter(|e| e.file == file).count();
        if entries != 1 {
            problems.push(problem(
                "book/src/SUMMARY.md",
                format!(
                    "lists {file} {entries} times; every lesson chapter is listed exactly once. {}",
                    if entries == 0 {
                        format!("Add `- [Title]({file})` where the lesson belongs in the book.")
                    } else {
                        "Remove the extra entries.".to_string()
                    }
                ),
            ));
        }
    }
    // Every SUMMARY entry exists; every chapter file is in SUMMARY.
    for entry in &summary {
        if !root.join("book/src").join(&entry.file).exists() {
            problems.push(problem(
                format!("book/src/SUMMARY.md:{}", entry.line),
                format!(
                    "lists {}, which does not exist; create the chapter or remove the entry.",
                    entry.file
                ),
            ));
        }
    }
    for chapter in markdown_files(&root.join("book/src")) {
        let name = chapter
            .strip_prefix(root.join("book/src"))
            .unwrap_or(&chapter)
            .to_string_lossy()
            .replace('\\', "/");
        if name == "SUMMARY.md" {
            continue;
        }
        if !summary.iter().any(|e| e.file == name) {
            problems.push(problem(
                rel(root, &chapter),
                "is not listed in book/src/SUMMARY.md, so readers never see it; add `- [Title](...)` there, or delete the file.",
            ));
        }
    }
}

fn check_chapters(root: &Path, lessons: &[crate::Lesson], problems: &mut Vec<Problem>) {
    let mut all_outputs = None;
    for chapter in markdown_files(&root.join("book/src")) {
        let Ok(text) = std::fs::read_to_string(&chapter) else {
            continue;
        };
        outputs::check_chapter(root, lessons, &chapter, &text, &mut all_outputs, problems);
        let expanded = match book::expand(root, &chapter, &text) {
            Ok(expanded) => expanded,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        if let Some(at) = expanded.find("{{#") {
            let line = expanded[..at].lines().count();
            problems.push(problem(
                rel(root, &chapter),
                format!(
                    "uses a directive the book tests do not expand (line {line} of the expanded chapter); use only {{{{#include}}}} and {{{{#rustdoc_include}}}}, or escape it as \\{{{{#...}}}}."
                ),
            ));
        }
        // The Playground: what a Play button would send must run there.
        for block in book::code_blocks(&expanded) {
            let words: Vec<&str> = block.info.split([',', ' ']).collect();
            let runs_there = !words.contains(&"noplayground") && !words.contains(&"compile_fail");
            if words.first() != Some(&"rust") || !runs_there {
                continue;
            }
            let code = block.body.replace("\n# ", "\n");
            let place = rel(root, &chapter);
            // The kit may appear only where the Playground never compiles
            // it: under `#[cfg(test)]` and in `#[cfg_attr(test, ..)]`.
            let mut outside_tests = String::new();
            let mut gated = false;
            for line in code.lines() {
                let t = line.trim_start().trim_start_matches("# ").trim();
                // Comments (a doc may name `cargo xtask`) are not code.
                if !gated && !t.starts_with("#[cfg_attr(test, ") && !t.starts_with("//") {
                    outside_tests.push_str(line);
                    outside_tests.push('\n');
                }
                gated = t == "#[cfg(test)]";
            }
            if let Some(krate) = ["lesson_kit", "book_model", "xtask"]
                .iter()
                .find(|k| outside_tests.contains(*k))
            {
                problems.push(problem(
                    &place,
                    format!(
                        "the Rust block at line {} of the expanded chapter uses the workspace-only crate `{krate}` outside `#[cfg(test)]`, which the Rust Playground does not have, so its Play button would fail; make it self-contained (the kit only in `#[cfg(test)]` or `#[cfg_attr(test, ..)]` lines), or mark it `noplayground` (the chapter says why).",
                        block.line
                    ),
                ));
            } else if !code.contains("fn main") {
                problems.push(problem(
                    &place,
                    format!(
                        "the Rust block at line {} of the expanded chapter has a Play button but no `fn main`; add one (hidden lines start with `# `), or mark it `noplayground`.",
                        block.line
                    ),
                ));
            }
        }
        for block in book::code_blocks(&text) {
            let place = format!("{}:{}", rel(root, &chapter), block.line);
            if block.info.is_empty() {
                problems.push(problem(
                    &place,
                    "a code block without a language is compiled as Rust by rustdoc; name its language (```rust, ```text, ```console, ```python, ...).",
                ));
                continue;
            }
            let words: Vec<&str> = block
                .info
                .split([',', ' '])
                .filter(|w| !w.is_empty())
                .collect();
            let is_rust = words.first().is_some_and(|w| *w == "rust");
            if !is_rust {
                continue;
            }
            for dodge in DODGES.iter().filter(|d| words.contains(d)) {
                let allowed = ALLOWED_DODGES
                    .iter()
                    .any(|(attr, reason, _)| attr == dodge && words.contains(reason));
                if !allowed {
                    let reasons: Vec<String> = ALLOWED_DODGES
                        .iter()
                        .filter(|(attr, _, _)| attr == dodge)
                        .map(|(_, reason, why)| format!("`{reason}` ({why})"))
                        .collect();
                    problems.push(problem(
                        &place,
                        format!(
                            "this Rust block is marked `{dodge}`, so the book tests would not check it as written. {}",
                            if reasons.is_empty() {
                                format!("`{dodge}` is not allowed in this book: make the block compile and run (hide setup lines with `# `), or show it as ```text.")
                            } else {
                                format!(
                                    "Add the reason to the same info string: {}; or make the block compile and run.",
                                    reasons.join(" or ")
                                )
                            }
                        ),
                    ));
                }
            }
        }
    }
}

fn check_sources(root: &Path, lessons: &[crate::Lesson], problems: &mut Vec<Problem>) {
    let members = workspace_members(root);
    for file in files(root, &|p| p.extension().is_some_and(|e| e == "rs")) {
        if !members.iter().any(|m| file.starts_with(m)) {
            problems.push(problem(
                rel(root, &file),
                "belongs to no workspace member, so nothing compiles or tests it; move it into a crate under crates/ (or xtask/), or delete it.",
            ));
        }
        // Anchors live in the crates the book includes from, not in the
        // book's model and tests, whose sources talk about anchors.
        if !file.starts_with(root.join("crates"))
            || NOT_INCLUDED
                .iter()
                .any(|c| file.starts_with(root.join("crates").join(c)))
        {
            continue;
        }
        if let Ok(source) = std::fs::read_to_string(&file) {
            let mut open: BTreeMap<String, usize> = BTreeMap::new();
            for (name, start, end) in book::anchors(&source) {
                match (start, end) {
                    (0, Some(line)) => problems.push(problem(
                        format!("{}:{line}", rel(root, &file)),
                        format!("`ANCHOR_END: {name}` has no `ANCHOR: {name}` before it; add the start marker or remove this line."),
                    )),
                    (start, None) => {
                        open.insert(name, start);
                    }
                    _ => {}
                }
            }
            for (name, line) in open {
                problems.push(problem(
                    format!("{}:{line}", rel(root, &file)),
                    format!("`ANCHOR: {name}` has no `ANCHOR_END: {name}`; add it where the listing should end."),
                ));
            }
        }
    }
    let template = root.join("crates").join(crate::new_lesson::TEMPLATE);
    for dir in lessons.iter().map(|l| l.dir.clone()).chain([template]) {
        for file in files(&dir.join("src"), &|p| {
            p.extension().is_some_and(|e| e == "rs")
        }) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            programs::check_file(root, &file, &text, problems);
            let opens_with_doc = text.trim_start().starts_with("//!");
            if !opens_with_doc {
                problems.push(problem(
                    rel(root, &file),
                    "a lesson source opens with a `//!` comment saying what it shows and how to run it (`cargo run -p ...`); add one.",
                ));
            }
        }
    }
}

/// Program names a lesson declares: `Program::new("name", ...)`, and any
/// other `Program::x("name"`; a fix exercise, `Program::fix("name", ..)`,
/// also names its solution's snapshots, `name-solution`.
pub fn program_names(lib_rs: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (constructor, name) in declared(lib_rs) {
        if constructor == "fix" {
            names.push(format!("{name}-solution"));
        }
        names.push(name);
    }
    names
}

/// Every `Program::<constructor>("name"` of a lesson's `lib.rs`, in order.
pub fn declared(lib_rs: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = lib_rs;
    while let Some(at) = rest.find("Program::") {
        rest = &rest[at + "Program::".len()..];
        let Some(open) = rest.find('(') else { break };
        let constructor = &rest[..open];
        if !constructor.chars().all(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let args = rest[open + 1..].trim_start();
        if let Some(lit) = args.strip_prefix('"')
            && let Some(end) = lit.find('"')
        {
            found.push((constructor.to_string(), lit[..end].to_string()));
        }
    }
    found
}

fn check_snapshots(root: &Path, lessons: &[crate::Lesson], problems: &mut Vec<Problem>) {
    for pending in files(root, &|p| {
        let name = p.to_string_lossy();
        name.ends_with(".snap.new") || name.ends_with(".pending-snap")
    }) {
        problems.push(problem(
            rel(root, &pending),
            "is a pending insta snapshot; review it with `cargo insta test --review` (accept or reject), never commit it.",
        ));
    }
    for lesson in lessons {
        let sources: Vec<(PathBuf, String)> =
            files(&lesson.dir, &|p| p.extension().is_some_and(|e| e == "rs"))
                .into_iter()
                .filter_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s)))
                .collect();
        let lib = std::fs::read_to_string(lesson.dir.join("src/lib.rs")).unwrap_or_default();
        exercises::check(root, lesson, &lib, problems);
        let programs = program_names(&lib);
        if programs.is_empty() {
            problems.push(problem(
                rel(root, &lesson.dir.join("src/lib.rs")),
                "declares no program (`Program::new(\"name\", ...)` in `programs()`); every lesson runs at least one, and its snapshot is what the chapter shows.",
            ));
        }
        for name in &programs {
            let snap = lesson
                .dir
                .join("src/snapshots")
                .join(format!("{name}.snap"));
            if !snap.exists() {
                problems.push(problem(
                    rel(root, &snap),
                    format!(
                        "is missing: program {name:?} has no snapshot yet. Run `cargo insta test -p {} --review` (or `INSTA_UPDATE=always cargo test -p {}`) and commit it.",
                        lesson.package(),
                        lesson.package()
                    ),
                ));
            }
        }
        for snap in files(&lesson.dir, &|p| p.extension().is_some_and(|e| e == "snap")) {
            let stem = snap
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let quoted = format!("\"{stem}\"");
            let used = programs.contains(&stem) || sources.iter().any(|(_, s)| s.contains(&quoted));
            if !used {
                problems.push(problem(
                    rel(root, &snap),
                    format!(
                        "is an orphan: no program or test of {} is named {stem:?}. Delete it (`cargo insta test -p {} --unreferenced=delete` does), or restore the program that wrote it.",
                        lesson.package(),
                        lesson.package()
                    ),
                ));
            }
            if let Ok(text) = std::fs::read_to_string(&snap) {
                let source = text
                    .lines()
                    .take_while(|l| !l.is_empty())
                    .find_map(|l| l.strip_prefix("source: "));
                if let Some(source) = source
                    && !root.join(source.trim()).exists()
                {
                    problems.push(problem(
                        rel(root, &snap),
                        format!(
                            "says it was written by {}, which does not exist (was the lesson renamed?). Run `INSTA_UPDATE=always cargo test -p {}` to rewrite its header.",
                            source.trim(),
                            lesson.package()
                        ),
                    ));
                }
            }
        }
    }
}

/// The workspace members' folders: `crates/*` with a Cargo.toml, and xtask.
fn workspace_members(root: &Path) -> Vec<PathBuf> {
    let mut members = vec![root.join("xtask")];
    if let Ok(entries) = std::fs::read_dir(root.join("crates")) {
        for entry in entries.flatten() {
            if entry.path().join("Cargo.toml").exists() {
                members.push(entry.path());
            }
        }
    }
    members
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    files(dir, &|p| p.extension().is_some_and(|e| e == "md"))
}

/// The report `cargo xtask check` prints and the tidy test fails with.
pub fn report(problems: &[Problem]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&format!("- {p}\n"));
    }
    out.push_str(&format!(
        "{} tidy problem(s); each line names the file and how to fix it.",
        problems.len()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use book_model::fixture::Fixture;

    #[test]
    fn workspace_is_tidy() {
        let root = crate::workspace_root().unwrap();
        assert!(
            crate::lessons(&root).len() >= 2,
            "no lessons found under {}/crates, so the tidy checks would pass vacuously",
            root.display()
        );
        let problems = check(&root);
        assert!(problems.is_empty(), "\n{}", report(&problems));
    }

    /// The fixture's chapter: a Python listing and its output, two Rust
    /// listings each with its output, a timeline, commands, a quoted line.
    const CHAPTER: &str = r#"# Downloads

```python
{{#include ../../crates/downloads/python/fetch.py}}
```

```text
{{#include ../../crates/downloads/python/fetch.out}}
```

```rust,noplayground
{{#rustdoc_include ../../crates/downloads/src/fetch.rs:fetch}}
```

```text
{{#include ../../crates/downloads/src/snapshots/fetch.snap:4:}}
```

{{#include ../../crates/downloads/src/snapshots/fetch.svg}}

It prints `[0.000s] fetched` at once. Then it retries:

```rust,noplayground
{{#rustdoc_include ../../crates/downloads/src/retry.rs:retry}}
```

```text
{{#include ../../crates/downloads/src/snapshots/retry.snap:4:}}
```

```console
$ cargo run -p lesson-downloads
```

## Exercises

```rust,noplayground
{{#rustdoc_include ../../crates/downloads/src/exercises/guess.rs:guess}}
```

<div class="predict" data-exercise="guess">

<details class="predict-answer">
<summary>The real output</summary>

```text
{{#include ../../crates/downloads/src/snapshots/guess.snap:4:}}
```

</details>

<details>
<summary>Hint</summary>

{{#include ../../crates/downloads/src/exercises/guess.hint.md}}

</details>

</div>

```rust,noplayground
{{#rustdoc_include ../../crates/downloads/src/exercises/stuck.rs:stuck}}
```

```text
{{#include ../../crates/downloads/src/snapshots/stuck.snap:4:}}
```

{{#include ../../crates/downloads/src/exercises/stuck.hint.md}}

```rust,noplayground
{{#rustdoc_include ../../crates/downloads/src/exercises/stuck_solution.rs:stuck_solution}}
```

```text
{{#include ../../crates/downloads/src/snapshots/stuck-solution.snap:4:}}
```
"#;

    /// A tiny, tidy workspace in a fresh temporary folder.
    fn tidy_workspace() -> Fixture {
        let f = Fixture::new("tidy");
        let files: &[(&str, &str)] = &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"crates/*\", \"xtask\"]\n",
            ),
            ("xtask/Cargo.toml", "[package]\nname = \"xtask\"\n"),
            (
                "book/src/SUMMARY.md",
                "# Summary\n\n- [Downloads](downloads.md)\n",
            ),
            ("book/src/downloads.md", CHAPTER),
            (
                "crates/downloads/Cargo.toml",
                "[package]\nname = \"lesson-downloads\"\n",
            ),
            (
                "crates/downloads/src/lib.rs",
                "//! Downloads.\npub mod fetch;\npub mod retry;\npub fn programs() -> Vec<Program> { vec![Program::tokio(\"fetch\", \"t\", fetch::run), Program::tokio(\"retry\", \"t\", retry::run), Program::predict(\"guess\", \"t\", exercises::guess::run), Program::fix(\"stuck\", \"t\", exercises::stuck::run, exercises::stuck_solution::run, exercises::stuck)] }\n",
            ),
            (
                "crates/downloads/src/exercises/mod.rs",
                "//! The exercises.\npub mod guess;\n",
            ),
            (
                "crates/downloads/src/exercises/guess.rs",
                "//! guess\n// ANCHOR: guess\npub async fn run() {}\n// ANCHOR_END: guess\n",
            ),
            ("crates/downloads/src/exercises/guess.hint.md", "Think.\n"),
            (
                "crates/downloads/src/snapshots/guess.snap",
                "---\nsource: crates/downloads/src/lib.rs\n---\n[0.000s] guessed\n",
            ),
            (
                "crates/downloads/src/exercises/stuck.rs",
                "//! stuck\n// ANCHOR: stuck\npub async fn run() {}\n// ANCHOR_END: stuck\n",
            ),
            (
                "crates/downloads/src/exercises/stuck_solution.rs",
                "//! fixed\n// ANCHOR: stuck_solution\npub async fn run() {}\n// ANCHOR_END: stuck_solution\n",
            ),
            ("crates/downloads/src/exercises/stuck.hint.md", "Look.\n"),
            (
                "crates/downloads/src/snapshots/stuck.snap",
                "---\nsource: crates/downloads/src/lib.rs\n---\n[60.000s] tripwire: stopped\n",
            ),
            (
                "crates/downloads/src/snapshots/stuck-solution.snap",
                "---\nsource: crates/downloads/src/lib.rs\n---\n[1.000s] done\n",
            ),
            (
                "crates/downloads/src/fetch.rs",
                "//! fetch\n// ANCHOR: fetch\npub async fn run() {}\n// ANCHOR_END: fetch\n",
            ),
            (
                "crates/downloads/src/snapshots/fetch.snap",
                "---\nsource: crates/downloads/src/lib.rs\n---\n[0.000s] fetched\n",
            ),
            ("crates/downloads/src/snapshots/fetch.svg", "<svg></svg>\n"),
            (
                "crates/downloads/src/retry.rs",
                "//! retry\n// ANCHOR: retry\npub async fn run() {}\n// ANCHOR_END: retry\n",
            ),
            (
                "crates/downloads/src/snapshots/retry.snap",
                "---\nsource: crates/downloads/src/lib.rs\n---\n[1.000s] retried\n",
            ),
            ("crates/downloads/python/fetch.py", "print('fetched')\n"),
            ("crates/downloads/python/fetch.out", "fetched\n"),
        ];
        for (path, text) in files {
            f.write(path, text);
        }
        f
    }

    const PROGRAM_FILE: &str = "crates/downloads/src/prog.rs";

    /// A tidy program file, the way every lesson program is written.
    fn program_file() -> String {
        format!(
            "//! prog\n\n{}\n// ANCHOR: prog\nuse std::time::Duration;\n\n// ANCHOR_END: prog\n#[cfg_attr(test, lesson_kit::lane)]\n// ANCHOR: prog\nasync fn work() {{\n    tokio::time::sleep(Duration::from_secs(1)).await;\n}}\n\n// ANCHOR_END: prog\n#[cfg_attr(test, lesson_kit::main)]\n// ANCHOR: prog\n#[tokio::main(flavor = \"current_thread\")]\nasync fn main() {{\n    // ANCHOR_END: prog\n    {}\n    // ANCHOR: prog\n    work().await;\n    say!(\"done\");\n}}\n// ANCHOR_END: prog\n{}",
            programs::SAY,
            programs::START,
            programs::TAIL
        )
    }

    #[test]
    fn a_program_file_as_lessons_write_it_is_tidy() {
        let f = tidy_workspace();
        f.write(PROGRAM_FILE, program_file());
        assert_eq!(report(&check(f.root())), report(&[]));
        f.write(
            PROGRAM_FILE,
            format!(
                "{}{}",
                program_file().replace("say!(\"done\");", "thread::sleep(Duration::from_secs(1));"),
                ""
            )
            .replacen(
                programs::SAY,
                &format!("{}\n{}", programs::SAY, programs::THREAD),
                1,
            ),
        );
        assert_eq!(report(&check(f.root())), report(&[]));
        // One that imports `std::thread` in view really sleeps, by choice.
        f.write(
            PROGRAM_FILE,
            program_file()
                .replace(
                    "use std::time::Duration;",
                    "use std::thread;\nuse std::time::Duration;",
                )
                .replace(
                    "say!(\"done\");",
                    "thread::sleep(Duration::from_millis(1));",
                ),
        );
        assert_eq!(report(&check(f.root())), report(&[]));
        // Its hidden tests may follow the tail.
        f.write(
            PROGRAM_FILE,
            program_file() + "\n/// Measured.\n#[cfg(test)]\nmod tests {}\n",
        );
        assert_eq!(report(&check(f.root())), report(&[]));
    }

    #[test]
    fn each_check_catches_its_breakage() {
        type Break = fn(&Fixture);
        let cases: &[(&str, Break, &str)] = &[
            (
                "chapter missing",
                |f| f.remove("book/src/downloads.md"),
                "book/src/downloads.md: is missing: lesson downloads needs its chapter",
            ),
            (
                "not in SUMMARY",
                |f| f.edit("book/src/SUMMARY.md", "- [Downloads](downloads.md)\n", ""),
                "lists downloads.md 0 times",
            ),
            (
                "SUMMARY entry without file",
                |f| f.edit("book/src/SUMMARY.md", "md)\n", "md)\n- [Ghost](ghost.md)\n"),
                "lists ghost.md, which does not exist",
            ),
            (
                "a workspace member outside crates/",
                |f| {
                    f.edit(
                        "Cargo.toml",
                        "members = [\"crates/*\", \"xtask\"]",
                        "members = [\"crates/*\", \"target/demo\", \"xtask\"]",
                    )
                },
                "Cargo.toml: the workspace must list exactly",
            ),
            (
                "folder in crates/ that is no crate",
                |f| f.write("crates/scratch/notes.txt", "x"),
                "crates/scratch/Cargo.toml: is missing: every folder in crates/ other than the tooling crates",
            ),
            (
                "package name disagrees",
                |f| {
                    f.edit(
                        "crates/downloads/Cargo.toml",
                        "lesson-downloads",
                        "downloads",
                    )
                },
                "requires `name = \"lesson-downloads\"`",
            ),
            (
                "a lesson without a fix exercise",
                |f| {
                    f.edit(
                        "crates/downloads/src/lib.rs",
                        "Program::fix(",
                        "Program::new(",
                    )
                },
                "lesson downloads has no fix-the-bug exercise",
            ),
            (
                "an exercise without its hint",
                |f| f.remove("crates/downloads/src/exercises/guess.hint.md"),
                "crates/downloads/src/exercises/guess.hint.md: is missing: exercise \"guess\"",
            ),
            (
                "a fix without its solution in the chapter",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "{{#include ../../crates/downloads/src/snapshots/stuck-solution.snap:4:}}",
                        "",
                    )
                },
                "exercise \"stuck\" lacks the solution's output",
            ),
            (
                "a prediction without its exercise block",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "<div class=\"predict\" data-exercise=\"guess\">",
                        "<div>",
                    )
                },
                "the prediction \"guess\" has no `<div class=\"predict\" data-exercise=\"guess\">` block",
            ),
            (
                "a prediction whose answer is outside its block",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "<details class=\"predict-answer\">",
                        "<details>",
                    )
                },
                "must hold its answer",
            ),
            (
                "an exercise name used twice in the book",
                |f| {
                    f.edit(
                        "crates/downloads/src/lib.rs",
                        "Program::predict(\"guess\", \"t\", exercises::guess::run),",
                        "Program::predict(\"guess\", \"t\", exercises::guess::run), Program::predict(\"guess\", \"again\", exercises::guess::run),",
                    )
                },
                "crates/downloads/src/lib.rs: exercise name \"guess\" is used 2 times in the book (downloads, downloads)",
            ),
            (
                "a decoy that the program prints",
                |f| f.write("crates/downloads/src/exercises/guess.decoys", "guessed\n"),
                "crates/downloads/src/exercises/guess.decoys: \"guessed\" is printed",
            ),
            (
                "decoys the chapter does not show",
                |f| f.write("crates/downloads/src/exercises/guess.decoys", "gave up\n"),
                "the prediction \"guess\" has decoys (guess.decoys) but its block does not show them",
            ),
            (
                "a stray file among the exercises",
                |f| f.write("crates/downloads/src/exercises/old.rs", "//! old\n"),
                "crates/downloads/src/exercises/old.rs: is an orphan: no exercise",
            ),
            (
                "include of a missing file",
                |f| f.edit("book/src/downloads.md", "src/fetch.rs", "src/fetcher.rs"),
                "names crates/downloads/src/fetcher.rs, which does not exist",
            ),
            (
                "missing anchor",
                |f| f.edit("crates/downloads/src/fetch.rs", "// ANCHOR: fetch\n", ""),
                "has no `ANCHOR: fetch`",
            ),
            (
                "empty anchor",
                |f| {
                    f.edit(
                        "crates/downloads/src/fetch.rs",
                        "pub async fn run() {}\n",
                        "",
                    )
                },
                "the anchor `fetch` in crates/downloads/src/fetch.rs is empty",
            ),
            (
                "unclosed anchor",
                |f| {
                    f.edit(
                        "crates/downloads/src/fetch.rs",
                        "// ANCHOR_END: fetch\n",
                        "",
                    )
                },
                "has no `ANCHOR_END: fetch`",
            ),
            (
                "snapshot include shows the header",
                |f| f.edit("book/src/downloads.md", "fetch.snap:4:", "fetch.snap:2:"),
                "must show the whole snapshot and nothing of insta's header: write",
            ),
            (
                "Rust included by line numbers",
                |f| f.edit("book/src/downloads.md", "fetch.rs:fetch", "fetch.rs:2:3"),
                "selects Rust lines by number",
            ),
            (
                "orphan snapshot",
                |f| {
                    f.write(
                        "crates/downloads/src/snapshots/old.snap",
                        "---\nsource: crates/downloads/src/lib.rs\n---\nx\n",
                    )
                },
                "old.snap: is an orphan",
            ),
            (
                "program without snapshot",
                |f| f.remove("crates/downloads/src/snapshots/fetch.snap"),
                "program \"fetch\" has no snapshot yet",
            ),
            (
                "pending snapshot",
                |f| f.write("crates/downloads/src/snapshots/fetch.snap.new", "x"),
                "is a pending insta snapshot",
            ),
            (
                "stray .rs file",
                |f| f.write("scripts/stray.rs", "fn main() {}"),
                "scripts/stray.rs: belongs to no workspace member",
            ),
            (
                "lesson source without //!",
                |f| f.edit("crates/downloads/src/fetch.rs", "//! fetch\n", ""),
                "a lesson source opens with a `//!` comment",
            ),
            (
                "code block without language",
                |f| f.edit("book/src/downloads.md", "```text", "```"),
                "a code block without a language",
            ),
            (
                "compile_fail dodge",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "rust,noplayground",
                        "rust,compile_fail",
                    )
                },
                "marked `compile_fail`, so the book tests would not check it as written",
            ),
            (
                "ignore dodge",
                |f| f.edit("book/src/downloads.md", "rust,noplayground", "rust,ignore"),
                "`ignore` is not allowed in this book",
            ),
            (
                "chapter not in SUMMARY",
                |f| f.write("book/src/notes.md", "# Notes\n"),
                "notes.md: is not listed in book/src/SUMMARY.md",
            ),
            (
                "Play button on a kit listing",
                |f| {
                    f.edit(
                        "crates/downloads/src/fetch.rs",
                        "pub async fn run() {}",
                        "pub async fn run() { lesson_kit::say!(\"x\"); }",
                    );
                    f.edit("book/src/downloads.md", "rust,noplayground", "rust");
                },
                "uses the workspace-only crate `lesson_kit`",
            ),
            // A program file hides only the kit's instrumentation.
            (
                "program without the say! helper",
                |f| {
                    f.write(
                        PROGRAM_FILE,
                        program_file().replace("macro_rules! say", "macro_rules! shout"),
                    )
                },
                "lacks the hidden `say!` word for word",
            ),
            (
                "program that sleeps without the thread swap",
                |f| {
                    f.write(
                        PROGRAM_FILE,
                        program_file()
                            .replace("say!(\"done\");", "std::thread::sleep(Default::default());"),
                    )
                },
                "calls `thread::sleep` but lacks the hidden `thread` swap",
            ),
            (
                "program hiding code in its listing",
                |f| {
                    f.write(
                        PROGRAM_FILE,
                        program_file().replace(
                            "#[cfg_attr(test, lesson_kit::lane)]",
                            "#[cfg_attr(test, lesson_kit::lane)]\nconst SECRET: u8 = 1;",
                        ),
                    )
                },
                "is hidden inside the listing `prog`, and only the kit's instrumentation may be",
            ),
            (
                "program whose main does not start the clock",
                |f| f.write(PROGRAM_FILE, program_file().replace(programs::START, "")),
                "whose `main` does not begin with",
            ),
            (
                "program with code after its tail",
                |f| f.write(PROGRAM_FILE, program_file() + "\nfn more() {}\n"),
                "(only a `#[cfg(test)] mod` may follow it)",
            ),
            (
                "program without its tail",
                |f| {
                    f.write(
                        PROGRAM_FILE,
                        program_file()
                            .split("\n/// What `cargo run -p`")
                            .next()
                            .unwrap(),
                    )
                },
                "does not end with `pub(crate) fn program() { main() }`",
            ),
            // The book's promise, rule 1: no output typed by hand.
            (
                "hand-typed output block",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "```console",
                        "```text\n[0.000s] fetched\n```\n\n```console",
                    )
                },
                "this ```text block is typed by hand, so no test checks it",
            ),
            (
                "output typed into a console block",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "$ cargo run -p lesson-downloads\n",
                        "$ cargo run -p lesson-downloads\n[0.000s] fetched\n",
                    )
                },
                "`[0.000s] fetched` looks like a program's output (a `[1.000s]` timestamp), typed by hand into a ```console block",
            ),
            (
                "a console line that is no command",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "$ cargo run -p lesson-downloads\n",
                        "$ cargo run -p lesson-downloads\n   Compiling lesson-downloads\n",
                    )
                },
                "`Compiling lesson-downloads` in a ```console block is not a command",
            ),
            (
                "a timestamp in a diagram",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "```console",
                        "```text,diagram\n[0.000s] main --> fetch\n```\n\n```console",
                    )
                },
                "`[0.000s] main --> fetch` looks like a program's output",
            ),
            (
                "output in an indented code block",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "It prints",
                        "    [0.000s] fetched\n\nIt prints",
                    )
                },
                "`[0.000s] fetched` looks like a program's output (a `[1.000s]` timestamp), typed by hand outside any fenced block",
            ),
            (
                "a text block showing a file no test checks",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "python/fetch.out}}",
                        "python/fetch.py}}",
                    )
                },
                "this ```text block is in an output's place but shows crates/downloads/python/fetch.py, which is no output a test checks",
            ),
            (
                "an output in the prose",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "It prints",
                        "{{#include ../../crates/downloads/src/snapshots/fetch.snap:4:}} It prints",
                    )
                },
                "crates/downloads/src/snapshots/fetch.snap is an output, and an output is shown only as the whole body of a ```text block (here it is in the prose)",
            ),
            (
                "part of a Python output",
                |f| f.edit("book/src/downloads.md", "fetch.out}}", "fetch.out:1}}"),
                "shows part of crates/downloads/python/fetch.out",
            ),
            (
                "an output without its program",
                |f| f.remove("crates/downloads/python/fetch.py"),
                "crates/downloads/python/fetch.out has no crates/downloads/python/fetch.py beside it",
            ),
            (
                "a hand-written Python block",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "{{#include ../../crates/downloads/python/fetch.py}}",
                        "print('fetched')",
                    )
                },
                "this ```python block is not one include of a lesson's `python/<program>.py`",
            ),
            (
                "a language no rule covers",
                |f| f.edit("book/src/downloads.md", "```console", "```sh"),
                "```sh is not a language this book writes code blocks in",
            ),
            // Rule 2: every output beside its own program.
            (
                "the first two snapshot includes swapped",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "snapshots/fetch.snap:4:",
                        "snapshots/SWAP",
                    );
                    f.edit(
                        "book/src/downloads.md",
                        "snapshots/retry.snap:4:",
                        "snapshots/fetch.snap:4:",
                    );
                    f.edit(
                        "book/src/downloads.md",
                        "snapshots/SWAP",
                        "snapshots/retry.snap:4:",
                    );
                },
                "book/src/downloads.md:16: this output is crates/downloads/src/snapshots/retry.snap, the output of crates/downloads/src/retry.rs, but the listing before it (line 12) is crates/downloads/src/fetch.rs",
            ),
            (
                "an output with no listing before it",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "```python\n{{#include ../../crates/downloads/python/fetch.py}}\n```\n",
                        "",
                    )
                },
                "this output is crates/downloads/python/fetch.out, but no listing comes before it in the chapter",
            ),
            (
                "a timeline after another program's output",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "{{#include ../../crates/downloads/src/snapshots/fetch.svg}}\n",
                        "",
                    );
                    f.edit(
                        "book/src/downloads.md",
                        "```console",
                        "{{#include ../../crates/downloads/src/snapshots/fetch.svg}}\n\n```console",
                    );
                },
                "the timeline crates/downloads/src/snapshots/fetch.svg follows crates/downloads/src/snapshots/retry.snap, not its own transcript",
            ),
            // Rule 3: nothing from outside the repository.
            (
                "an include that leaves the repository",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "It prints",
                        "{{#include ../../../../../../../../etc/hostname}}\n\nIt prints",
                    )
                },
                "`{{#include ../../../../../../../../etc/hostname}}` names /etc/hostname, which is outside the repository",
            ),
            (
                "an include from outside book/ and crates/",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "It prints",
                        "{{#include ../../xtask/Cargo.toml}}\n\nIt prints",
                    )
                },
                "names xtask/Cargo.toml, which is outside book/ and crates/",
            ),
            (
                "an image that leaves the repository",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "It prints",
                        "![host](../../../../../../etc/hostname)\n\nIt prints",
                    )
                },
                "the image `../../../../../../etc/hostname` names /etc/hostname, which is outside the repository",
            ),
            (
                "an image from the web",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "It prints",
                        "<img src=\"https://example.com/a.png\">\n\nIt prints",
                    )
                },
                "the image https://example.com/a.png is fetched from outside the repository",
            ),
            // Rule 5: a quoted output line is a real one.
            (
                "a quoted output line no output has",
                |f| {
                    f.edit(
                        "book/src/downloads.md",
                        "`[0.000s] fetched`",
                        "`[9.000s] fetched`",
                    )
                },
                "the prose quotes `[9.000s] fetched` as a program's output, but no lesson's output file has that line",
            ),
        ];
        let clean = tidy_workspace();
        assert_eq!(
            report(&check(clean.root())),
            report(&[]),
            "the fixture starts tidy"
        );
        drop(clean);
        // The cases are independent (one fixture each): run them on a few
        // threads, which keeps the warm `cargo test` within its budget.
        let failures: Vec<String> = std::thread::scope(|scope| {
            let runs: Vec<_> = cases
                .chunks(cases.len().div_ceil(4))
                .map(|chunk| {
                    scope.spawn(move || {
                        let mut failed = Vec::new();
                        for (what, breakage, expected) in chunk {
                            let fixture = tidy_workspace();
                            breakage(&fixture);
                            let found = report(&check(fixture.root()));
                            if !found.contains(expected) {
                                failed.push(format!(
                                    "{what}: expected a problem containing {expected:?}, got:\n{found}"
                                ));
                            }
                        }
                        failed
                    })
                })
                .collect();
            runs.into_iter()
                .flat_map(|r| r.join().expect("a tidy case panicked"))
                .collect()
        });
        assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    }

    #[test]
    fn a_prediction_with_its_decoys_shown_is_tidy() {
        let f = tidy_workspace();
        f.write("crates/downloads/src/exercises/guess.decoys", "gave up\n");
        f.edit(
            "book/src/downloads.md",
            "</details>\n\n<details>\n<summary>Hint</summary>\n\n{{#include ../../crates/downloads/src/exercises/guess.hint.md}}",
            "</details>\n\n<div class=\"predict-decoys\" hidden>\n\n```text,decoys\n{{#include ../../crates/downloads/src/exercises/guess.decoys}}\n```\n\n</div>\n\n<details>\n<summary>Hint</summary>\n\n{{#include ../../crates/downloads/src/exercises/guess.hint.md}}",
        );
        assert_eq!(report(&check(f.root())), report(&[]));
    }

    #[test]
    fn a_dodge_with_an_allowed_reason_passes() {
        let f = tidy_workspace();
        f.edit(
            "book/src/downloads.md",
            "rust,noplayground",
            "rust,compile_fail,because-the-error-is-the-lesson",
        );
        assert_eq!(report(&check(f.root())), report(&[]));
    }

    #[test]
    fn allowed_hand_written_blocks_pass() {
        let f = tidy_workspace();
        f.edit(
            "book/src/downloads.md",
            "```console",
            "```text,diagram\nmain --> fetch --> retry\n```\n\n```toml\n[dependencies]\ntokio = \"1\"\n```\n\n```console",
        );
        f.edit(
            "book/src/downloads.md",
            "$ cargo run",
            "# all of it\ncargo test\n$ cargo run",
        );
        assert_eq!(report(&check(f.root())), report(&[]));
    }

    #[cfg(unix)]
    #[test]
    fn an_include_through_a_symbolic_link_out_of_the_repository_is_refused() {
        let f = tidy_workspace();
        std::os::unix::fs::symlink("/etc", f.path("crates/downloads/etc")).unwrap();
        f.edit(
            "book/src/downloads.md",
            "It prints",
            "{{#include ../../crates/downloads/etc/hostname}}\n\nIt prints",
        );
        let found = report(&check(f.root()));
        assert!(
            found.contains("names crates/downloads/etc/hostname, a symbolic link to /etc/hostname, which is outside the repository"),
            "{found}"
        );
    }

    #[test]
    fn program_names_are_read_from_the_programs_list() {
        let lib = r#"vec![Program::blocking("blocking", "t", b::run), Program::tokio(
            "non-blocking", "t", n::run).python_differs("x")]"#;
        assert_eq!(program_names(lib), ["blocking", "non-blocking"]);
    }
}
