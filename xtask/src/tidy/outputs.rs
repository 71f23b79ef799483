//! The book's promise, checked chapter by chapter: no output typed by hand,
//! every output beside its own program, nothing from outside the
//! repository. The rules are defined in the [`super`] module's docs; each
//! function here names the rule it checks.

use std::path::{Path, PathBuf};

use book_model::book::{self, CodeBlock, Directive, Selector};
use book_model::{Lesson, Problem, problem, rel};

/// The commands a ```` ```console ```` block may show (after an optional
/// `$ `): what a reader of this book types.
pub const COMMANDS: &[&str] = &["cargo", "python3", "git", "rustup", "mdbook", "cd"];

/// The languages of hand-written code blocks, and what makes them safe.
pub const HAND_WRITTEN: &[(&str, &str)] = &[
    ("rust", "the book tests compile and run it"),
    ("console", "commands the reader types, no output"),
    ("toml", "a configuration excerpt, no output"),
];

/// What an included file is to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A program the chapter shows: `.rs`, `.py`.
    Listing,
    /// What a program printed, checked by a test: `.snap`, `.out`.
    Output,
    /// A recorded run's timeline: `snapshots/<program>.svg`.
    Timeline,
    Other,
}

fn role(path: &Path) -> Role {
    match path.extension().and_then(|e| e.to_str()) {
        Some("rs" | "py") => Role::Listing,
        Some("snap" | "out") => Role::Output,
        Some("svg") if path.parent().is_some_and(|p| p.ends_with("snapshots")) => Role::Timeline,
        _ => Role::Other,
    }
}

/// The listing an output belongs to: `D/snapshots/P.snap` and `D/P.snap`
/// come from `D/P.rs` (with `-` written `_`), `D/P.out` from `D/P.py`.
pub fn program_of(output: &Path) -> PathBuf {
    let mut dir = output.parent().unwrap_or(Path::new("")).to_path_buf();
    if dir.ends_with("snapshots") {
        dir.pop();
    }
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if output.extension().is_some_and(|e| e == "out") {
        dir.join(format!("{stem}.py"))
    } else {
        dir.join(format!("{}.rs", stem.replace('-', "_")))
    }
}

/// A timeline's transcript: `D/snapshots/P.svg` → `D/snapshots/P.snap`.
fn transcript_of(timeline: &Path) -> PathBuf {
    timeline.with_extension("snap")
}

/// `[1.000s]` at the start of a line, as `say!` prints it: output.
pub fn looks_like_output(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix('[') else {
        return false;
    };
    let Some((time, _)) = rest.split_once("s]") else {
        return false;
    };
    let Some((whole, millis)) = time.split_once('.') else {
        return false;
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && millis.len() == 3
        && millis.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a line of a console block is a command (or a comment).
fn is_command(line: &str) -> bool {
    let line = line.trim();
    let command = line.strip_prefix("$ ").unwrap_or(line);
    line.starts_with('#')
        || command
            .split_whitespace()
            .next()
            .is_some_and(|w| COMMANDS.contains(&w))
}

fn words(info: &str) -> Vec<&str> {
    info.split([',', ' ']).filter(|w| !w.is_empty()).collect()
}

/// One include of a chapter, resolved.
struct Include<'a> {
    directive: &'a Directive,
    /// Relative to the root, normalized.
    path: PathBuf,
    /// The fenced block it is in, with that block's language.
    block: Option<(&'a CodeBlock, &'a str)>,
}

/// Every output file of every lesson (`.snap`, `.out`), for quoted lines.
fn lesson_outputs(lessons: &[Lesson]) -> String {
    let mut all = String::new();
    for lesson in lessons {
        for file in book_model::files(&lesson.dir, &|p| role(p) == Role::Output) {
            all.push_str(&std::fs::read_to_string(file).unwrap_or_default());
            all.push('\n');
        }
    }
    all
}

/// Checks one chapter (its text as written, before expansion).
pub fn check_chapter(
    root: &Path,
    lessons: &[Lesson],
    chapter: &Path,
    text: &str,
    all_outputs: &mut Option<String>,
    problems: &mut Vec<Problem>,
) {
    let name = rel(root, chapter);
    let at = |line: usize| format!("{name}:{line}");
    let dir = chapter.parent().unwrap_or(root);
    let blocks = book::code_blocks(text);
    let end_of = |b: &CodeBlock| b.line + b.body.lines().count() + 1;
    let directives = book::directives(text);
    let includes: Vec<Include> = directives
        .iter()
        .map(|d| {
            let absolute = book::normalize(&dir.join(&d.target));
            Include {
                directive: d,
                path: absolute
                    .strip_prefix(root)
                    .map(Path::to_path_buf)
                    .unwrap_or(absolute),
                block: blocks
                    .iter()
                    .find(|b| b.line < d.line && d.line < end_of(b))
                    .map(|b| (b, words(&b.info).first().copied().unwrap_or(""))),
            }
        })
        .collect();
    let in_lesson = |path: &Path| {
        lessons
            .iter()
            .any(|l| path.starts_with(Path::new("crates").join(&l.slug)))
    };

    // Rule 1: the fenced blocks.
    for block in &blocks {
        let words = words(&block.info);
        let Some(&lang) = words.first() else {
            continue; // the code-block-language check reports it
        };
        let inside: Vec<&Include> = includes
            .iter()
            .filter(|i| i.block.is_some_and(|(b, _)| std::ptr::eq(b, block)))
            .collect();
        let only_include = inside.len() == 1 && is_only(&block.body, inside[0].directive);
        let place = at(block.line);
        match lang {
            "text" if words.contains(&"diagram") => {}
            // A prediction's decoys (lines its program never prints), which
            // tidy/exercises.rs checks against the snapshot.
            "text"
                if words.contains(&"decoys")
                    && only_include
                    && inside[0].path.extension().is_some_and(|e| e == "decoys")
                    && in_lesson(&inside[0].path) => {}
            "text" if only_include => {
                let include = inside[0];
                if role(&include.path) != Role::Output || !in_lesson(&include.path) {
                    problems.push(problem(
                        &place,
                        format!(
                            "this ```text block is in an output's place but shows {}, which is no output a test checks; a ```text block includes a lesson's snapshot (`src/snapshots/<program>.snap:4:`), locked compiler message (`fixtures/<name>.snap`) or Python output (`python/<program>.out`).",
                            include.path.display()
                        ),
                    ));
                }
            }
            "text" => problems.push(problem(
                &place,
                "this ```text block is typed by hand, so no test checks it; show what a program printed by including its checked file (`{{#include ../../crates/<slug>/src/snapshots/<program>.snap:4:}}`, a `fixtures/*.snap` or a `python/*.out`), or mark a hand-drawn diagram ```text,diagram.",
            )),
            "python" => {
                let ok = only_include
                    && inside[0].path.extension().is_some_and(|e| e == "py")
                    && inside[0]
                        .path
                        .parent()
                        .is_some_and(|p| p.ends_with("python") && in_lesson(p));
                if !ok {
                    problems.push(problem(
                        &place,
                        "this ```python block is not one include of a lesson's `python/<program>.py`, so `cargo xtask python` does not run it; move the code into crates/<slug>/python/ and include it.",
                    ));
                }
            }
            "rust" => {}
            // A configuration a test uses, shown whole: `your-project.toml`.
            "toml"
                if only_include && inside[0].path.extension().is_some_and(|e| e == "toml") => {}
            "console" | "toml" if !inside.is_empty() => problems.push(problem(
                &place,
                format!(
                    "this ```{lang} block includes a file; only ```rust, ```python and ```text blocks show included files (and ```toml one whole `.toml` file). Use the language of what it shows."
                ),
            )),
            "console" | "toml" => {}
            other => problems.push(problem(
                &place,
                format!(
                    "```{other} is not a language this book writes code blocks in, so no rule says who checks it; use {}, or ```python / ```text to include a lesson's files.",
                    HAND_WRITTEN
                        .iter()
                        .map(|(l, why)| format!("```{l} ({why})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
        let refused_whole = lang == "text" && !words.contains(&"diagram");
        if lang != "rust" && !only_include && !refused_whole {
            for (i, line) in block.body.lines().enumerate() {
                let line_no = block.line + 1 + i;
                if looks_like_output(line) {
                    problems.push(problem(
                        at(line_no),
                        format!(
                            "`{}` looks like a program's output (a `[1.000s]` timestamp), typed by hand into a ```{lang} block; include the program's snapshot in a ```text block instead.",
                            line.trim()
                        ),
                    ));
                } else if lang == "console" && !line.trim().is_empty() && !is_command(line) {
                    problems.push(problem(
                        at(line_no),
                        format!(
                            "`{}` in a ```console block is not a command (one of {}, after an optional `$ `), so it reads as output typed by hand; show output from a checked file in a ```text block, or write it in the prose.",
                            line.trim(),
                            COMMANDS.join(", ")
                        ),
                    ));
                }
            }
        }
    }

    // Rules 1 and 2: each include of an output, listing or timeline.
    let lesson_chapter = lessons.iter().any(|l| root.join(l.chapter()) == chapter);
    let mut last_listing: Option<&Include> = None;
    let mut last_output: Option<&Include> = None;
    for include in &includes {
        let d = include.directive;
        let place = at(d.line);
        let shown = include.path.display();
        match role(&include.path) {
            Role::Listing => last_listing = Some(include),
            Role::Output => {
                let whole_text_block = include
                    .block
                    .is_some_and(|(b, lang)| lang == "text" && is_only(&b.body, d));
                if !whole_text_block {
                    problems.push(problem(
                        &place,
                        format!(
                            "{shown} is an output, and an output is shown only as the whole body of a ```text block (here it is {}); put the include alone in one.",
                            match include.block {
                                Some((_, lang)) => format!("in a ```{lang} block"),
                                None => "in the prose".to_string(),
                            }
                        ),
                    ));
                }
                let is_out = include.path.extension().is_some_and(|e| e == "out");
                if is_out && d.selector != Selector::Whole {
                    problems.push(problem(
                        &place,
                        format!(
                            "`{{{{{}}}}}` shows part of {shown}; show a program's whole output: `{{{{#include {}}}}}`.",
                            d.text, d.target
                        ),
                    ));
                }
                if !is_out && matches!(d.selector, Selector::Anchor(_)) {
                    problems.push(problem(
                        &place,
                        format!(
                            "`{{{{{}}}}}` shows part of a snapshot; show all of it: `{}:4:`.",
                            d.text, d.target
                        ),
                    ));
                }
                let mut program = program_of(&include.path);
                // An exercise's program lives in `src/exercises/`.
                let exercise = program
                    .parent()
                    .unwrap_or(Path::new(""))
                    .join("exercises")
                    .join(program.file_name().unwrap_or_default());
                if !root.join(&program).exists() && root.join(&exercise).exists() {
                    program = exercise;
                }
                if is_out && !root.join(&program).exists() {
                    problems.push(problem(
                        &place,
                        format!(
                            "{shown} has no {} beside it, so nothing runs it and `cargo xtask python` cannot check it; restore the program, or remove the output.",
                            program.display()
                        ),
                    ));
                }
                match last_listing {
                    Some(listing) if listing.path != program => problems.push(problem(
                        &place,
                        format!(
                            "this output is {shown}, the output of {}, but the listing before it (line {}) is {}: the reader would take one program's output for another's. Include {}'s own output here, or move this block after its listing.",
                            program.display(),
                            listing.directive.line,
                            listing.path.display(),
                            listing.path.display()
                        ),
                    )),
                    None if lesson_chapter => problems.push(problem(
                        &place,
                        format!(
                            "this output is {shown}, but no listing comes before it in the chapter, so the reader cannot tell which program printed it; include {} before it.",
                            program.display()
                        ),
                    )),
                    _ => {}
                }
                last_output = Some(include);
            }
            Role::Timeline => {
                let transcript = transcript_of(&include.path);
                if last_output.is_none_or(|o| o.path != transcript) {
                    problems.push(problem(
                        &place,
                        format!(
                            "the timeline {shown} follows {}, not its own transcript {}; put each timeline right after its program's output.",
                            last_output.map_or("no output".to_string(), |o| o.path.display().to_string()),
                            transcript.display()
                        ),
                    ));
                }
            }
            Role::Other => {}
        }
    }

    // Rule 3: images, as the expansion does for includes.
    for (line_no, line) in text.lines().enumerate() {
        for source in image_sources(line) {
            let place = at(line_no + 1);
            if source.contains("://") || source.starts_with("//") {
                problems.push(problem(
                    &place,
                    format!(
                        "the image {source} is fetched from outside the repository, so the book changes (or breaks) without a commit; copy it into book/src and link it by a relative path."
                    ),
                ));
            } else if !source.starts_with("data:")
                && let Err(message) = book::check_inside(
                    root,
                    &dir.join(source.split(['#', '?']).next().unwrap_or("")),
                )
            {
                problems.push(problem(&place, format!("the image `{source}` {message}")));
            }
        }
    }

    // Rule 1, outside fenced blocks: an indented code block or raw HTML
    // that shows output is typed by hand too.
    let prose = prose_lines(text, &blocks);
    for (line_no, line) in &prose {
        if looks_like_output(line) {
            problems.push(problem(
                at(*line_no),
                format!(
                    "`{}` looks like a program's output (a `[1.000s]` timestamp), typed by hand outside any fenced block (an indented code block, or HTML); include the program's snapshot in a ```text block instead.",
                    line.trim()
                ),
            ));
        }
    }

    // Rule 5: a transcript line quoted in the prose is a real output's line.
    for (line_no, line) in prose {
        for quoted in line.split('`').skip(1).step_by(2) {
            let quoted = quoted.trim();
            let has_text = quoted
                .split_once("s]")
                .is_some_and(|(_, rest)| !rest.trim().is_empty());
            if looks_like_output(quoted) && has_text {
                let outputs = all_outputs.get_or_insert_with(|| lesson_outputs(lessons));
                if !outputs.lines().any(|l| l.trim() == quoted) {
                    problems.push(problem(
                        at(line_no),
                        format!(
                            "the prose quotes `{quoted}` as a program's output, but no lesson's output file has that line (did the program change?); quote a line its snapshot or .out file has."
                        ),
                    ));
                }
            }
        }
    }
}

/// Whether a block's body is the directive `d` and nothing else (mdBook
/// allows spaces inside the braces).
fn is_only(body: &str, d: &Directive) -> bool {
    let body = body.trim();
    body.len() >= 4
        && body.starts_with("{{")
        && body.ends_with("}}")
        && body[2..body.len() - 2].trim() == d.text
}

/// The lines outside fenced blocks, 1-based.
fn prose_lines<'a>(text: &'a str, blocks: &[CodeBlock]) -> Vec<(usize, &'a str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(n, _)| {
            !blocks
                .iter()
                .any(|b| b.line <= *n && *n <= b.line + b.body.lines().count() + 1)
        })
        .collect()
}

/// `![alt](src)` and `<img src="src">` in a line.
fn image_sources(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("![") {
        rest = &rest[at + 2..];
        if let Some(close) = rest.find("](") {
            let after = &rest[close + 2..];
            if let Some(end) = after.find(')') {
                let target = after[..end].split_whitespace().next().unwrap_or("");
                found.push(target.to_string());
            }
        }
    }
    let mut rest = line;
    while let Some(at) = rest.find("<img") {
        rest = &rest[at + 4..];
        if let Some(src) = rest.find("src=") {
            let value = &rest[src + 4..];
            let quote = value.chars().next().unwrap_or('"');
            if (quote == '"' || quote == '\'')
                && let Some(end) = value[1..].find(quote)
            {
                found.push(value[1..1 + end].to_string());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_name_their_programs() {
        assert_eq!(
            program_of(Path::new("crates/l/src/snapshots/never-awaited.snap")),
            Path::new("crates/l/src/never_awaited.rs")
        );
        assert_eq!(
            program_of(Path::new("crates/l/fixtures/guard-across-await.snap")),
            Path::new("crates/l/fixtures/guard_across_await.rs")
        );
        assert_eq!(
            program_of(Path::new("crates/l/python/spawn-is-eager.out")),
            Path::new("crates/l/python/spawn-is-eager.py")
        );
    }

    #[test]
    fn output_lines_and_commands_are_told_apart() {
        assert!(looks_like_output("[0.000s] Task 2 finished"));
        assert!(looks_like_output("  [12.345s] x"));
        assert!(!looks_like_output("[0.5s] x"));
        assert!(!looks_like_output("[dependencies]"));
        let d = &book::directives("{{ #include a.snap:4: }}")[0];
        assert!(is_only("\n{{ #include a.snap:4: }}\n", d));
        assert!(!is_only("x {{ #include a.snap:4: }}", d));
        assert!(is_command("$ cargo run -p lesson-x"));
        assert!(is_command("cargo xtask serve # comment"));
        assert!(!is_command("   Compiling lesson-x v0.1.0"));
        assert_eq!(
            image_sources(r#"![a](img/a.png "t") and <img src="../b.svg">"#),
            ["img/a.png", "../b.svg"]
        );
    }
}
