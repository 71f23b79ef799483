//! The book's structure, read the way mdBook reads it: `SUMMARY.md`, the
//! chapters it lists, and their `{{#include}}` / `{{#rustdoc_include}}`
//! directives, expanded with mdBook's rules (anchors, line ranges, hidden
//! `# ` lines) but strictly: where mdBook only logs an error and leaves the
//! directive in the page, this fails with a message that says what to fix.
//!
//! CI also builds the book with mdBook's own `markdown` renderer and checks
//! that it expands every chapter exactly as this module does
//! (`cargo xtask book`), so the two cannot drift apart.

use std::path::{Path, PathBuf};

pub use crate::{Problem, problem, rel};

/// One entry of `SUMMARY.md` that names a file.
#[derive(Debug, Clone)]
pub struct SummaryEntry {
    pub title: String,
    /// Relative to `book/src`.
    pub file: String,
    pub line: usize,
}

/// The chapter files `SUMMARY.md` links to, in order.
pub fn summary(root: &Path) -> Result<Vec<SummaryEntry>, Problem> {
    let path = root.join("book/src/SUMMARY.md");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        problem(
            "book/src/SUMMARY.md",
            format!("cannot be read ({e}); every book needs one."),
        )
    })?;
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        // `[Title](file.md)` or `- [Title](file.md)`; `[Title]()` is a draft.
        let Some(open) = line.find('[') else { continue };
        let Some(close) = line[open..].find("](").map(|c| open + c) else {
            continue;
        };
        let Some(end) = line[close..].find(')').map(|e| close + e) else {
            continue;
        };
        let file = line[close + 2..end].trim();
        if file.is_empty() {
            continue;
        }
        entries.push(SummaryEntry {
            title: line[open + 1..close].to_string(),
            file: file.to_string(),
            line: i + 1,
        });
    }
    Ok(entries)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Include,
    RustdocInclude,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Whole,
    Anchor(String),
    /// 0-based start, exclusive end, as mdBook computes them.
    Lines(usize, Option<usize>),
}

/// One `{{#include ...}}` or `{{#rustdoc_include ...}}` in a chapter.
#[derive(Debug, Clone)]
pub struct Directive {
    pub kind: Kind,
    /// The text between the braces, for messages.
    pub text: String,
    /// As written, relative to the chapter's folder.
    pub target: String,
    pub selector: Selector,
    /// 1-based line in the chapter.
    pub line: usize,
    start: usize,
    end: usize,
}

/// mdBook's `parse_range_or_anchor`, for the part after the first `:`.
fn selector(spec: Option<&str>) -> Selector {
    let Some(spec) = spec else {
        return Selector::Whole;
    };
    let mut parts = spec.splitn(3, ':');
    let first = parts.next().unwrap_or("");
    let start = match first.parse::<usize>() {
        Ok(n) => Some(n.saturating_sub(1)),
        Err(_) if first.is_empty() => None,
        Err(_) => return Selector::Anchor(first.to_string()),
    };
    let end = parts.next().map(|s| s.parse::<usize>());
    match (start, end) {
        (Some(s), Some(Ok(e))) => Selector::Lines(s, Some(e)),
        (Some(s), Some(Err(_))) => Selector::Lines(s, None),
        (Some(s), None) => Selector::Lines(s, Some(s + 1)),
        (None, Some(Ok(e))) => Selector::Lines(0, Some(e)),
        (None, _) => Selector::Whole,
    }
}

/// Finds the include directives of a chapter (outside of `\{{#...}}` escapes).
pub fn directives(text: &str) -> Vec<Directive> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find("{{") {
        let start = from + offset;
        from = start + 2;
        if start > 0 && text.as_bytes()[start - 1] == b'\\' {
            continue;
        }
        let Some(len) = text[start..].find("}}") else {
            break;
        };
        let end = start + len + 2;
        let inner = text[start + 2..end - 2].trim();
        let Some(rest) = inner.strip_prefix('#') else {
            continue;
        };
        let (name, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let kind = match name {
            "include" => Kind::Include,
            "rustdoc_include" => Kind::RustdocInclude,
            _ => continue,
        };
        let args = args.trim();
        let (target, spec) = match args.split_once(':') {
            Some((t, s)) => (t, Some(s)),
            None => (args, None),
        };
        found.push(Directive {
            kind,
            text: inner.to_string(),
            target: target.to_string(),
            selector: selector(spec),
            line: text[..start].lines().count().max(1) + usize::from(text[..start].ends_with('\n')),
            start,
            end,
        });
        from = end;
    }
    found
}

fn anchor_start(line: &str) -> Option<&str> {
    anchor_name(line, "ANCHOR:")
}

fn anchor_end(line: &str) -> Option<&str> {
    anchor_name(line, "ANCHOR_END:")
}

/// mdBook's `ANCHOR:\s*([\w_-]+)`, found anywhere in the line.
fn anchor_name<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let mut search = line;
    while let Some(at) = search.find(marker) {
        // `ANCHOR:` must not match inside `ANCHOR_END:`.
        let rest = search[at + marker.len()..].trim_start();
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        if name_len > 0 {
            return Some(&rest[..name_len]);
        }
        search = &search[at + marker.len()..];
    }
    None
}

/// The anchors a source file defines, with whether each is closed.
pub fn anchors(source: &str) -> Vec<(String, usize, Option<usize>)> {
    let mut out: Vec<(String, usize, Option<usize>)> = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if let Some(name) = anchor_end(line) {
            if let Some(open) = out
                .iter_mut()
                .rev()
                .find(|(n, _, end)| n == name && end.is_none())
            {
                open.2 = Some(i + 1);
            } else {
                out.push((name.to_string(), 0, Some(i + 1)));
            }
        } else if let Some(name) = anchor_start(line) {
            out.push((name.to_string(), i + 1, None));
        }
    }
    out
}

fn take_lines(s: &str, start: usize, end: Option<usize>) -> String {
    let lines = s.lines().skip(start);
    match end {
        Some(end) => lines.take(end.saturating_sub(start)).collect::<Vec<_>>(),
        None => lines.collect(),
    }
    .join("\n")
}

fn take_anchored(s: &str, anchor: &str) -> String {
    let mut kept = Vec::new();
    let mut inside = false;
    for l in s.lines() {
        if inside {
            match anchor_end(l) {
                Some(name) if name == anchor => break,
                Some(_) => {}
                None if anchor_start(l).is_none() => kept.push(l),
                None => {}
            }
        } else if anchor_start(l) == Some(anchor) {
            inside = true;
        }
    }
    kept.join("\n")
}

fn take_rustdoc_lines(s: &str, start: usize, end: Option<usize>) -> String {
    let mut out = String::new();
    for (i, l) in s.lines().enumerate() {
        if i < start || end.is_some_and(|e| i >= e) {
            out.push_str("# ");
        }
        out.push_str(l);
        out.push('\n');
    }
    out.pop();
    out
}

/// Shows the anchored lines and hides the rest behind `# `; like mdBook,
/// it drops every anchor marker line.
fn take_rustdoc_anchored(s: &str, anchor: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for l in s.lines() {
        if inside {
            match anchor_end(l) {
                Some(name) if name == anchor => inside = false,
                Some(_) => {}
                None if anchor_start(l).is_none() => {
                    out.push_str(l);
                    out.push('\n');
                }
                None => {}
            }
        } else if let Some(name) = anchor_start(l) {
            inside = name == anchor;
        } else if anchor_end(l).is_none() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
    }
    out.pop();
    out
}

/// The first line of an insta snapshot's content (0-based), after its
/// `---` header, or `None` if the file has no header.
pub fn snapshot_body_start(snapshot: &str) -> Option<usize> {
    let mut lines = snapshot.lines();
    if lines.next()? != "---" {
        return None;
    }
    lines.position(|l| l == "---").map(|p| p + 2)
}

/// Expands one chapter's directives. `chapter` is the chapter's path.
pub fn expand(root: &Path, chapter: &Path, text: &str) -> Result<String, Vec<Problem>> {
    let dir = chapter.parent().unwrap_or(Path::new("."));
    let mut out = String::with_capacity(text.len() * 4);
    let mut problems = Vec::new();
    let mut last = 0;
    for d in directives(text) {
        out.push_str(&text[last..d.start]);
        last = d.end;
        match render(root, chapter, dir, &d) {
            Ok(content) => out.push_str(&content),
            Err(p) => problems.push(p),
        }
    }
    out.push_str(&text[last..]);
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The file a directive names, resolved from the chapter's folder.
pub fn target_path(chapter: &Path, d: &Directive) -> PathBuf {
    chapter.parent().unwrap_or(Path::new(".")).join(&d.target)
}

/// The folders of the repository a chapter may include or show files from:
/// the book's own, and the crates' (the code the tests check). Not
/// `target/` (build output), `xtask/`, or anything outside the repository.
pub const SOURCES: &[&str] = &["book", "crates"];

/// Checks that `path` (absolute) is inside the repository at `root` and in
/// one of its [`SOURCES`] folders, after resolving `..` and, if it exists,
/// symbolic links; the error says where it leads instead and what to do.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), String> {
    let lexical = normalize(path);
    let (resolved, base) = match (lexical.canonicalize(), root.canonicalize()) {
        (Ok(resolved), Ok(base)) => (resolved, base),
        _ => (lexical.clone(), normalize(root)),
    };
    let via = if resolved != lexical && lexical.starts_with(root) {
        format!(
            "{}, a symbolic link to {}, which",
            rel(root, &lexical),
            resolved.display()
        )
    } else {
        format!("{}, which", resolved.display())
    };
    let Ok(inside) = resolved.strip_prefix(&base) else {
        return Err(format!(
            "names {via} is outside the repository; a chapter shows only the repository's own files. Put what it should show into a lesson crate and include it from there."
        ));
    };
    let top = inside
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    if !SOURCES.contains(&top.as_str()) {
        return Err(format!(
            "names {}, which is outside book/ and crates/; a chapter shows only the book's files and the crates' (what the tests check), not build output or tooling. Move the file into a crate, or include one from there.",
            inside.display()
        ));
    }
    Ok(())
}

fn render(root: &Path, chapter: &Path, dir: &Path, d: &Directive) -> Result<String, Problem> {
    let place = format!("{}:{}", rel(root, chapter), d.line);
    let path = normalize(&dir.join(&d.target));
    check_inside(root, &path)
        .map_err(|message| problem(&place, format!("`{{{{{}}}}}` {message}", d.text)))?;
    let source = std::fs::read_to_string(&path).map_err(|_| {
        problem(
            &place,
            format!(
                "`{{{{{}}}}}` names {}, which does not exist. Paths are relative to the chapter's folder ({}); fix the path, or create the file.",
                d.text,
                rel(root, &path),
                rel(root, dir),
            ),
        )
    })?;
    let is_snapshot = d.target.ends_with(".snap");
    let is_rust = d.target.ends_with(".rs");
    match &d.selector {
        Selector::Anchor(anchor) => {
            let found = anchors(&source);
            let Some((_, opened, closed)) = found.iter().find(|(n, o, _)| n == anchor && *o > 0)
            else {
                let names: Vec<_> = found
                    .iter()
                    .filter(|(_, o, _)| *o > 0)
                    .map(|(n, _, _)| n.as_str())
                    .collect();
                return Err(problem(
                    &place,
                    format!(
                        "`{{{{{}}}}}`: {} has no `ANCHOR: {anchor}`{}. Add `// ANCHOR: {anchor}` and `// ANCHOR_END: {anchor}` around the lines to show, or name one of its anchors.",
                        d.text,
                        rel(root, &path),
                        if names.is_empty() {
                            " (it has no anchors)".to_string()
                        } else {
                            format!(" (its anchors: {})", names.join(", "))
                        }
                    ),
                ));
            };
            if closed.is_none() {
                return Err(problem(
                    &place,
                    format!(
                        "`{{{{{}}}}}`: `ANCHOR: {anchor}` at {}:{opened} has no `ANCHOR_END: {anchor}`; add it where the listing should end.",
                        d.text,
                        rel(root, &path)
                    ),
                ));
            }
            let shown = take_anchored(&source, anchor);
            if shown.trim().is_empty() {
                return Err(problem(
                    &place,
                    format!(
                        "`{{{{{}}}}}`: the anchor `{anchor}` in {} is empty; put the lines to show between its ANCHOR and ANCHOR_END.",
                        d.text,
                        rel(root, &path)
                    ),
                ));
            }
            Ok(match d.kind {
                Kind::Include => shown,
                Kind::RustdocInclude => take_rustdoc_anchored(&source, anchor),
            })
        }
        Selector::Lines(start, end) => {
            if is_snapshot {
                let body = snapshot_body_start(&source);
                if body != Some(*start) || end.is_some() {
                    return Err(problem(
                        &place,
                        format!(
                            "`{{{{{}}}}}` must show the whole snapshot and nothing of insta's header: write `{}:{}:`.",
                            d.text,
                            d.target,
                            body.map_or(1, |b| b + 1)
                        ),
                    ));
                }
            } else if is_rust {
                return Err(problem(
                    &place,
                    format!(
                        "`{{{{{}}}}}` selects Rust lines by number, which drift when the file changes; mark the lines with `// ANCHOR: name` / `// ANCHOR_END: name` and include `{}:name`.",
                        d.text, d.target
                    ),
                ));
            }
            let shown = take_lines(&source, *start, *end);
            if shown.trim().is_empty() {
                return Err(problem(
                    &place,
                    format!(
                        "`{{{{{}}}}}` selects no lines of {}.",
                        d.text,
                        rel(root, &path)
                    ),
                ));
            }
            Ok(match d.kind {
                Kind::Include => shown,
                Kind::RustdocInclude => take_rustdoc_lines(&source, *start, *end),
            })
        }
        Selector::Whole => {
            if is_snapshot {
                return Err(problem(
                    &place,
                    format!(
                        "`{{{{{}}}}}` would show insta's header too: write `{}:{}:`.",
                        d.text,
                        d.target,
                        snapshot_body_start(&source).map_or(1, |b| b + 1)
                    ),
                ));
            }
            Ok(match d.kind {
                Kind::Include => take_lines(&source, 0, None),
                Kind::RustdocInclude => take_rustdoc_lines(&source, 0, None),
            })
        }
    }
}

/// Removes `a/../` from a path without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A fingerprint of the whole book as readers see it: every `SUMMARY.md`
/// entry with its expanded chapter (or the problems that keep it from
/// expanding). The book tests' build script records it, and a test checks
/// it against the checkout it runs in, so tests generated from another
/// checkout's book (cargo decides whether to rerun a build script by file
/// times alone) fail instead of passing for the wrong book.
pub fn digest(root: &Path) -> u64 {
    // FNV-1a: stable across Rust releases, unlike `DefaultHasher`.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain([0xff].iter()) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    match summary(root) {
        Err(p) => eat(p.to_string().as_bytes()),
        Ok(entries) => {
            for entry in entries {
                eat(entry.file.as_bytes());
                let chapter = root.join("book/src").join(&entry.file);
                match std::fs::read_to_string(&chapter) {
                    Err(_) => eat(b"missing"),
                    Ok(text) => match expand(root, &chapter, &text) {
                        Ok(expanded) => eat(expanded.as_bytes()),
                        Err(problems) => {
                            for p in problems {
                                eat(p.to_string().as_bytes());
                            }
                        }
                    },
                }
            }
        }
    }
    hash
}

/// A fenced code block of a (expanded) chapter.
#[derive(Debug, Clone)]
pub struct CodeBlock {
    /// The info string: `rust`, `rust,ignore`, `text`, ...
    pub info: String,
    pub body: String,
    /// 1-based line of the opening fence.
    pub line: usize,
}

/// The fenced code blocks of a Markdown text (``` and ~~~ fences).
pub fn code_blocks(text: &str) -> Vec<CodeBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String, usize, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                for fence in ["```", "~~~"] {
                    if let Some(info) = trimmed.strip_prefix(fence) {
                        let extra = info
                            .chars()
                            .take_while(|c| *c == fence.as_bytes()[0] as char)
                            .count();
                        let fence = format!("{fence}{}", &info[..extra]);
                        open = Some((
                            fence,
                            info[extra..].trim().to_string(),
                            i + 1,
                            String::new(),
                        ));
                        break;
                    }
                }
            }
            Some((fence, info, start, body)) => {
                if trimmed.starts_with(fence.as_str()) && trimmed.trim_end() == fence {
                    blocks.push(CodeBlock {
                        info: std::mem::take(info),
                        body: std::mem::take(body),
                        line: *start,
                    });
                    open = None;
                } else {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "a\n// ANCHOR: one\nb\n// ANCHOR: two\nc\n// ANCHOR_END: two\n// ANCHOR_END: one\nd";

    #[test]
    fn selectors_follow_mdbook() {
        assert_eq!(selector(None), Selector::Whole);
        assert_eq!(selector(Some("name")), Selector::Anchor("name".into()));
        assert_eq!(selector(Some("4:")), Selector::Lines(3, None));
        assert_eq!(selector(Some("2:3")), Selector::Lines(1, Some(3)));
        assert_eq!(selector(Some("2")), Selector::Lines(1, Some(2)));
        assert_eq!(selector(Some(":3")), Selector::Lines(0, Some(3)));
    }

    #[test]
    fn anchored_lines_skip_nested_markers() {
        assert_eq!(take_anchored(SOURCE, "one"), "b\nc");
        assert_eq!(take_anchored(SOURCE, "two"), "c");
        assert_eq!(take_anchored(SOURCE, "missing"), "");
    }

    #[test]
    fn rustdoc_include_hides_the_rest() {
        assert_eq!(take_rustdoc_anchored(SOURCE, "two"), "# a\n# b\nc\n# d");
    }

    #[test]
    fn directives_are_found_with_lines_and_escapes_skipped() {
        let text =
            "x\n{{#include a.rs:one}}\n\\{{#include no.rs}}\n```\n{{#rustdoc_include b.rs}}\n";
        let found = directives(text);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line, found[0].target.as_str()), (2, "a.rs"));
        assert_eq!((found[1].line, found[1].kind), (5, Kind::RustdocInclude));
    }

    #[test]
    fn snapshot_body_starts_after_the_header() {
        assert_eq!(snapshot_body_start("---\nsource: x\n---\nline"), Some(3));
        assert_eq!(snapshot_body_start("line"), None);
    }

    #[test]
    fn the_digest_changes_with_what_readers_see() {
        let f = crate::fixture::Fixture::new("digest");
        f.write("book/src/SUMMARY.md", "- [A](a.md)\n");
        f.write(
            "book/src/a.md",
            "# A\n{{#include ../../crates/x/out.txt}}\n",
        );
        f.write("crates/x/out.txt", "one\n");
        let first = digest(f.root());
        assert_eq!(digest(f.root()), first, "the digest is not stable");
        f.write("crates/x/out.txt", "two\n");
        let second = digest(f.root());
        assert_ne!(
            second, first,
            "an included file changed, the digest did not"
        );
        f.write("book/src/SUMMARY.md", "- [A](a.md)\n- [B](b.md)\n");
        assert_ne!(
            digest(f.root()),
            second,
            "a chapter was added, the digest did not change"
        );
    }

    #[test]
    fn includes_that_leave_the_repository_or_its_sources_are_refused() {
        let f = crate::fixture::Fixture::new("inside");
        f.write("book/src/a.md", "");
        f.write("crates/x/out.txt", "shown\n");
        f.write("target/debug/generated.txt", "built\n");
        let expand_one = |include: &str| {
            let text = format!("{{{{#include {include}}}}}\n");
            expand(f.root(), &f.path("book/src/a.md"), &text).map_err(|p| p[0].to_string())
        };
        assert_eq!(expand_one("../../crates/x/out.txt").unwrap(), "shown\n");
        let cases: &[(&str, &str)] = &[
            (
                "../../../../../../../../etc/hostname",
                "book/src/a.md:1: `{{#include ../../../../../../../../etc/hostname}}` names /etc/hostname, which is outside the repository",
            ),
            (
                "/etc/hostname",
                "names /etc/hostname, which is outside the repository",
            ),
            (
                "../../target/debug/generated.txt",
                "names target/debug/generated.txt, which is outside book/ and crates/",
            ),
            (
                "../../Cargo.toml",
                "names Cargo.toml, which is outside book/ and crates/",
            ),
        ];
        for (include, expected) in cases {
            let message = expand_one(include).expect_err(include);
            assert!(message.contains(expected), "{include}: {message}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc", f.path("crates/x/etc")).unwrap();
            let message = expand_one("../../crates/x/etc/hostname").unwrap_err();
            assert!(
                message.contains("names crates/x/etc/hostname, a symbolic link to /etc/hostname, which is outside the repository"),
                "{message}"
            );
        }
    }

    #[test]
    fn code_blocks_keep_their_info_strings() {
        let blocks =
            code_blocks("t\n```rust,edition2024\nfn main() {}\n```\n````text\n```\n````\n");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].info, "rust,edition2024");
        assert_eq!(blocks[0].body, "fn main() {}\n");
        assert_eq!(
            (blocks[1].info.as_str(), blocks[1].body.as_str()),
            ("text", "```\n")
        );
    }
}
