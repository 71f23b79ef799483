//! The exercises' wiring: every lesson has at least one predict-the-output
//! and one fix-the-bug exercise (`Program::predict`, `Program::fix` in its
//! `programs()`), each with its files in `src/exercises/` and its place in
//! the chapter, and `src/exercises/` holds nothing else.
//!
//! In the chapter, a prediction is its program's listing, then
//! `<div class="predict" data-exercise="NAME">` holding the answer (its
//! snapshot, in `<details class="predict-answer">`, which `exercises.js`
//! turns into the exercise) and the hint; a fix is the starter's listing
//! and output, the hint, and the solution's listing and output. Whether
//! each output follows its own listing is checked with every output
//! (`outputs.rs`).

use std::path::Path;

use crate::book::{Problem, problem, rel};

/// The problems of one lesson's exercises.
pub fn check(root: &Path, lesson: &crate::Lesson, lib: &str, problems: &mut Vec<Problem>) {
    let declared = super::declared(lib);
    let exercises: Vec<(&str, &str)> = declared
        .iter()
        .filter(|(c, _)| c == "predict" || c == "fix")
        .map(|(c, n)| (c.as_str(), n.as_str()))
        .collect();
    let chapter_path = root.join(lesson.chapter());
    let chapter = std::fs::read_to_string(&chapter_path).unwrap_or_default();
    let lib_place = rel(root, &lesson.dir.join("src/lib.rs"));
    let crate_dir = format!("../../crates/{}", lesson.slug);
    for kind in ["predict", "fix"] {
        if !exercises.iter().any(|(c, _)| *c == kind) {
            let (what, example) = match kind {
                "predict" => (
                    "predict-the-output",
                    "Program::predict(\"name\", \"title\", exercises::name::program)",
                ),
                _ => (
                    "fix-the-bug",
                    "Program::fix(\"name\", \"title\", exercises::name::program, exercises::name_solution::program, exercises::name)",
                ),
            };
            problems.push(problem(
                &lib_place,
                format!(
                    "lesson {} has no {what} exercise; every lesson ends with at least one of each: add `{example}` to programs() (`cargo xtask new-lesson` writes both kinds; crates/select is a model).",
                    lesson.slug
                ),
            ));
        }
    }
    let mut expected_files = vec!["mod.rs".to_string()];
    for (kind, name) in &exercises {
        let snake = name.replace('-', "_");
        let mut files = vec![format!("{snake}.rs"), format!("{name}.hint.md")];
        if *kind == "fix" {
            files.push(format!("{snake}_solution.rs"));
        }
        let decoys_path = lesson
            .dir
            .join("src/exercises")
            .join(format!("{name}.decoys"));
        let has_decoys = *kind == "predict" && decoys_path.exists();
        for file in &files {
            let path = lesson.dir.join("src/exercises").join(file);
            if !path.exists() {
                problems.push(problem(
                    rel(root, &path),
                    format!(
                        "is missing: exercise {name:?} ({kind}) needs it (its program, its solution, or the hint the chapter and `cargo xtask exercise` show)."
                    ),
                ));
            }
        }
        expected_files.extend(files);
        if has_decoys {
            expected_files.push(format!("{name}.decoys"));
            check_decoys(root, lesson, name, &decoys_path, problems);
        }
        let listing =
            |file: &str| format!("{{{{#rustdoc_include {crate_dir}/src/exercises/{file}:");
        let output =
            |snap: &str| format!("{{{{#include {crate_dir}/src/snapshots/{snap}.snap:4:}}}}");
        let hint = format!("{{{{#include {crate_dir}/src/exercises/{name}.hint.md}}}}");
        let mut wanted = vec![
            (listing(&format!("{snake}.rs")), "the program's listing"),
            (output(name), "the program's output"),
            (hint.clone(), "the hint"),
        ];
        if *kind == "fix" {
            wanted.push((
                listing(&format!("{snake}_solution.rs")),
                "the solution's listing",
            ));
            wanted.push((output(&format!("{name}-solution")), "the solution's output"));
        }
        for (text, what) in &wanted {
            if !chapter.contains(text.as_str()) {
                problems.push(problem(
                    lesson.chapter(),
                    format!(
                        "exercise {name:?} lacks {what}: the chapter must include `{text}…` in its exercises section (see the end of book/src/select.md)."
                    ),
                ));
            }
        }
        if *kind == "predict" {
            let open = format!("<div class=\"predict\" data-exercise=\"{name}\">");
            let inside = chapter
                .split_once(open.as_str())
                .and_then(|(_, rest)| rest.split_once("</div>"))
                .map(|(inside, _)| inside);
            let answer = output(name);
            match inside {
                None => problems.push(problem(
                    lesson.chapter(),
                    format!(
                        "the prediction {name:?} has no `{open}` block: without it the page shows no exercise; wrap its answer and hint in one, as book/src/select.md does."
                    ),
                )),
                Some(inside)
                    if !inside.contains("<details class=\"predict-answer\">")
                        || !inside.contains(answer.as_str()) =>
                {
                    problems.push(problem(
                        lesson.chapter(),
                        format!(
                            "the prediction {name:?}'s block must hold its answer, `{answer}`, inside `<details class=\"predict-answer\">` (the page grades against it, folded until asked)."
                        ),
                    ))
                }
                Some(inside) => {
                    let decoys = format!(
                        "<div class=\"predict-decoys\" hidden>\n\n```text,decoys\n{{{{#include {crate_dir}/src/exercises/{name}.decoys}}}}"
                    );
                    if has_decoys && !inside.contains(decoys.as_str()) {
                        problems.push(problem(
                            lesson.chapter(),
                            format!(
                                "the prediction {name:?} has decoys ({name}.decoys) but its block does not show them: put `{}\n```\n\n</div>` inside its `<div class=\"predict\">`, after the answer (the page mixes them in; without JavaScript they stay hidden).",
                                decoys.replace('\n', "\\n")
                            ),
                        ));
                    }
                }
            }
        }
    }
    // Nothing in src/exercises/ that no exercise uses.
    if let Ok(entries) = std::fs::read_dir(lesson.dir.join("src/exercises")) {
        let mut stray: Vec<_> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|name| !expected_files.contains(name))
            .collect();
        stray.sort();
        for name in stray {
            problems.push(problem(
                rel(root, &lesson.dir.join("src/exercises").join(&name)),
                "is an orphan: no exercise of programs() uses it; declare its exercise (`Program::predict` or `Program::fix`), or delete it.",
            ));
        }
    }
}

/// Exercise names are unique in the whole book: `cargo xtask exercise
/// <name>` finds one by its name alone, and the reader's attempt lives in
/// `exercises/<name>.rs` or `.txt`.
pub fn check_unique_names(root: &Path, lessons: &[crate::Lesson], problems: &mut Vec<Problem>) {
    let mut seen: std::collections::BTreeMap<String, Vec<&crate::Lesson>> = Default::default();
    for lesson in lessons {
        let lib = std::fs::read_to_string(lesson.dir.join("src/lib.rs")).unwrap_or_default();
        for (kind, name) in super::declared(&lib) {
            if kind == "predict" || kind == "fix" {
                seen.entry(name).or_default().push(lesson);
            }
        }
    }
    for (name, users) in seen.iter().filter(|(_, users)| users.len() > 1) {
        let slugs: Vec<&str> = users.iter().map(|l| l.slug.as_str()).collect();
        let last = users[users.len() - 1];
        problems.push(problem(
            rel(root, &last.dir.join("src/lib.rs")),
            format!(
                "exercise name {name:?} is used {} times in the book ({}): `cargo xtask exercise <name>` finds an exercise by its name alone; rename one (its files in src/exercises/, its snapshots and the chapter's includes).",
                users.len(),
                slugs.join(", ")
            ),
        ));
    }
}

/// A prediction's decoys: lines its program never prints, so none may be a
/// line of its snapshot, and none may be given twice.
fn check_decoys(
    root: &Path,
    lesson: &crate::Lesson,
    name: &str,
    decoys_path: &Path,
    problems: &mut Vec<Problem>,
) {
    let decoys = std::fs::read_to_string(decoys_path).unwrap_or_default();
    let snapshot = lesson
        .dir
        .join("src/snapshots")
        .join(format!("{name}.snap"));
    let printed = std::fs::read_to_string(&snapshot)
        .map(|s| crate::exercises::answer_of(&s))
        .unwrap_or_default();
    let decoys = crate::exercises::decoy_lines(&decoys);
    if decoys.is_empty() {
        problems.push(problem(
            rel(root, decoys_path),
            "is empty: list the lines the program never prints, one per line, or delete the file.",
        ));
    }
    for (at, decoy) in decoys.iter().enumerate() {
        if printed.iter().any(|p| p.text == decoy.text) {
            problems.push(problem(
                rel(root, decoys_path),
                format!(
                    "{:?} is printed (it is in {}), so it cannot be a line the program never prints: remove it from the decoys.",
                    decoy.text,
                    rel(root, &snapshot)
                ),
            ));
        }
        if decoys[..at].iter().any(|d| d.text == decoy.text) {
            problems.push(problem(
                rel(root, decoys_path),
                format!("{:?} is listed twice: keep one.", decoy.text),
            ));
        }
    }
}
