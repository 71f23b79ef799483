//! `cargo xtask new-lesson <slug> [--title "Human title"] [--after NN]`:
//! scaffolds lesson crate `crates/NN-slug` (a working async example, its
//! snapshot test and its first snapshot), its chapter `book/src/NN-slug.md`
//! and its `SUMMARY.md` entry. With `--after NN` the new lesson becomes
//! lesson NN+1 and every later lesson moves up one number: folder, package,
//! chapter, SUMMARY entry, include paths, snapshot headers, crate names in
//! Rust code and `Cargo.lock`.
//!
//! Everything is checked before anything is touched, and every change goes
//! through a [`Journal`] that undoes them all, in reverse, if a later step
//! fails (for example the `cargo test` that records the first snapshot), so
//! a failed run leaves the tree exactly as it was.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Names that cannot be lesson slugs: they name workspace folders or
/// packages, and a lesson called so would only confuse.
pub const RESERVED: &[&str] = &[
    "xtask",
    "book",
    "target",
    "lesson-kit",
    "book-tests",
    "crates",
    "src",
];

/// The starting example every new lesson gets: its program name (also its
/// snapshot's and its Python analogue's name), module and anchor.
pub const PROGRAM: &str = "two-downloads";
const MODULE: &str = "two_downloads";

const ALLOWED: &str = "slugs are lowercase ASCII letters and digits in words joined by single hyphens, 2 to 40 characters, like `retry-with-backoff`";
const USAGE: &str =
    "new-lesson takes a slug, then optionally --title \"Human title\" and --after NN";

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub slug: String,
    pub title: Option<String>,
    pub after: Option<u32>,
}

/// Reads `<slug> [--title T] [--after NN]` (also `--title=T`, `--after=NN`,
/// and `--` before a slug that starts with `-`).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut slug = None;
    let mut title = None;
    let mut after = None;
    let mut only_positional = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if !only_positional && arg.starts_with('-') {
            if arg == "--" {
                only_positional = true;
                continue;
            }
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) => (f, Some(v.to_string())),
                None => (arg.as_str(), None),
            };
            if flag != "--title" && flag != "--after" {
                return Err(format!("Unknown option `{arg}`; {USAGE}."));
            }
            let value = match inline {
                Some(v) => v,
                None if i < args.len() && !args[i].starts_with("--") => {
                    i += 1;
                    args[i - 1].clone()
                }
                None => {
                    let example = if flag == "--title" {
                        "--title \"Retrying with backoff\""
                    } else {
                        "--after 01"
                    };
                    return Err(format!(
                        "The option {flag} needs a value, as in `{example}`."
                    ));
                }
            };
            if flag == "--title" {
                title = Some(value);
            } else {
                let number = value
                    .parse::<u32>()
                    .ok()
                    .filter(|_| !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()));
                match number {
                    Some(n) => after = Some(n),
                    None => {
                        return Err(format!(
                            "--after takes the number of an existing lesson, like `--after 01`, not {value:?}."
                        ));
                    }
                }
            }
        } else if slug.is_none() {
            slug = Some(arg.clone());
        } else {
            return Err(format!(
                "new-lesson takes one slug, but {:?} came after {:?}; put a title with spaces in --title \"...\".",
                arg,
                slug.unwrap_or_default()
            ));
        }
    }
    let Some(slug) = slug else {
        return Err(format!(
            "new-lesson needs a slug, as in `cargo xtask new-lesson retry-with-backoff`; {ALLOWED}."
        ));
    };
    Ok(Options { slug, title, after })
}

/// Checks a slug's form (not whether it is taken).
pub fn check_slug(slug: &str) -> Result<(), String> {
    let shown = format!("`{slug}`");
    if slug.is_empty() {
        return Err(format!("The slug is empty; {ALLOWED}."));
    }
    if !slug.is_ascii() {
        return Err(format!(
            "The slug {shown} has non-ASCII characters; {ALLOWED}."
        ));
    }
    if slug.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "The slug {shown} has uppercase letters; {ALLOWED}."
        ));
    }
    if let Some(c) = slug
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "The slug {shown} contains {c:?}, which is not allowed; {ALLOWED}."
        ));
    }
    if slug.starts_with('-') || slug.ends_with('-') {
        return Err(format!(
            "The slug {shown} starts or ends with a hyphen; {ALLOWED}."
        ));
    }
    if slug.contains("--") {
        return Err(format!(
            "The slug {shown} has two hyphens in a row; {ALLOWED}."
        ));
    }
    if !(2..=40).contains(&slug.len()) {
        let len = slug.len();
        let unit = if len == 1 { "character" } else { "characters" };
        return Err(format!("The slug {shown} is {len} {unit} long; {ALLOWED}."));
    }
    if RESERVED.contains(&slug) {
        return Err(format!(
            "The slug {shown} is reserved because it names a workspace folder or package ({}); choose another.",
            RESERVED.join(", ")
        ));
    }
    Ok(())
}

fn check_title(title: &str) -> Result<(), String> {
    if title.trim().is_empty()
        || title.chars().count() > 80
        || title
            .chars()
            .any(|c| c.is_control() || c == '[' || c == ']')
    {
        return Err(format!(
            "The title {title:?} cannot be used; a title is one line of 1 to 80 characters without square brackets, like --title \"Retrying with backoff\"."
        ));
    }
    Ok(())
}

/// `retry-with-backoff` → `Retry with backoff`.
pub fn title_from_slug(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// The journal: every change to the tree, and how to undo it.

#[derive(Debug)]
enum Undo {
    /// A folder this run created: remove it with everything in it.
    RemoveDir(PathBuf),
    /// A file as it was before: `None` if it did not exist.
    Restore(PathBuf, Option<Vec<u8>>),
    /// `from` was renamed to `to`: rename it back.
    Rename { from: PathBuf, to: PathBuf },
}

/// Records each change so that [`Journal::rollback`] can undo them all, in
/// reverse order.
#[derive(Debug, Default)]
pub struct Journal {
    undo: Vec<Undo>,
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> String {
    format!("Could not {what} {} ({e}).", path.display())
}

impl Journal {
    /// Creates `dir` and any missing parents, recording each one created.
    pub fn create_dir_all(&mut self, dir: &Path) -> Result<(), String> {
        let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
        for d in missing.into_iter().rev() {
            std::fs::create_dir(d).map_err(|e| io_error("create the folder", d, e))?;
            self.undo.push(Undo::RemoveDir(d.to_path_buf()));
        }
        Ok(())
    }

    /// Remembers `path`'s content (or absence) so that a rollback restores
    /// it even if something else (cargo, insta) changes it meanwhile.
    pub fn save(&mut self, path: &Path) -> Result<(), String> {
        let old = match std::fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_error("read", path, e)),
        };
        self.undo.push(Undo::Restore(path.to_path_buf(), old));
        Ok(())
    }

    /// Writes `path`, creating its folder if needed.
    pub fn write(&mut self, path: &Path, contents: &str) -> Result<(), String> {
        if let Some(parent) = path.parent() {
            self.create_dir_all(parent)?;
        }
        self.save(path)?;
        std::fs::write(path, contents).map_err(|e| io_error("write", path, e))
    }

    pub fn rename(&mut self, from: &Path, to: &Path) -> Result<(), String> {
        std::fs::rename(from, to).map_err(|e| io_error("rename", from, e))?;
        self.undo.push(Undo::Rename {
            from: from.to_path_buf(),
            to: to.to_path_buf(),
        });
        Ok(())
    }

    /// Undoes every recorded change, newest first; returns what could not
    /// be undone.
    pub fn rollback(self) -> Vec<String> {
        let mut failed = Vec::new();
        for undo in self.undo.into_iter().rev() {
            let result = match &undo {
                Undo::RemoveDir(dir) => std::fs::remove_dir_all(dir).or_else(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        Ok(())
                    } else {
                        Err(e)
                    }
                }),
                Undo::Restore(path, Some(bytes)) => std::fs::write(path, bytes),
                Undo::Restore(path, None) => match std::fs::remove_file(path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                    _ => Ok(()),
                },
                Undo::Rename { from, to } => std::fs::rename(to, from),
            };
            if let Err(e) = result {
                failed.push(format!("{undo:?}: {e}"));
            }
        }
        failed
    }
}

// ---------------------------------------------------------------------------
// Planning: everything is computed and checked before the tree is touched.

/// What a successful run did, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub number: u32,
    pub id: String,
    pub package: String,
    pub title: String,
    /// New files, relative to the root.
    pub files: Vec<String>,
    /// `(old id, new id)` of every renumbered lesson.
    pub renumbered: Vec<(String, String)>,
    /// Existing files whose content changed, relative to the root.
    pub changed: Vec<String>,
    /// Chapter lines that mention a renumbered lesson by number in prose.
    pub prose_mentions: Vec<String>,
}

impl Created {
    /// What the CLI prints: the files, the renumbering, the next steps.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Created lesson {:02} ({}), package {}:",
            self.number, self.title, self.package
        );
        for file in &self.files {
            let _ = writeln!(out, "  {file}");
        }
        if !self.renumbered.is_empty() {
            let _ = writeln!(
                out,
                "Renumbered the later lessons (folder, package, chapter, SUMMARY entry, includes, snapshot headers):"
            );
            for (old, new) in &self.renumbered {
                let _ = writeln!(out, "  {old} -> {new}");
            }
        }
        if !self.changed.is_empty() {
            let _ = writeln!(out, "Updated:");
            for file in &self.changed {
                let _ = writeln!(out, "  {file}");
            }
        }
        if !self.prose_mentions.is_empty() {
            let _ = writeln!(
                out,
                "Check these mentions of renumbered lessons in prose (not changed):"
            );
            for line in &self.prose_mentions {
                let _ = writeln!(out, "  {line}");
            }
        }
        let _ = write!(
            out,
            "Next steps:
  1. Write the lesson's program in crates/{id}/src/{MODULE}.rs (the example there is a placeholder; rename it in src/lib.rs too if you rename it).
  2. Run it on real time: cargo run -p {package}
  3. Review and accept its new output: cargo insta test --review
  4. Write the chapter book/src/{id}.md and read it: cargo xtask serve
",
            id = self.id,
            package = self.package,
        );
        out
    }
}

/// Replaces `from` by `to` where it stands alone: not preceded by a letter,
/// digit or `_`, nor followed by one or by `-`.
fn replace_token(text: &str, from: &str, to: &str) -> String {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    let mut search = 0;
    while let Some(pos) = text[search..].find(from) {
        let start = search + pos;
        let end = start + from.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_none_or(|c| !word(c)) && after.is_none_or(|c| !(word(c) || c == '-')) {
            out.push_str(&text[done..start]);
            out.push_str(to);
            done = end;
        }
        search = end;
    }
    out.push_str(&text[done..]);
    out
}

/// Text files that may name a lesson: below `crates/` and `book/src/`,
/// plus the root's `Cargo.lock` and `README.md`; sorted.
fn text_files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    walk(&path, found);
                }
            } else if ["rs", "toml", "md", "snap", "svg", "lock", "py"]
                .iter()
                .any(|ext| path.extension().is_some_and(|e| e == *ext))
            {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root.join("crates"), &mut found);
    walk(&root.join("book/src"), &mut found);
    for file in ["Cargo.lock", "README.md"] {
        if root.join(file).is_file() {
            found.push(root.join(file));
        }
    }
    found.sort();
    found
}

/// Where a SUMMARY line links to: `- [Title](file.md)` → `file.md`.
fn summary_link(line: &str) -> Option<&str> {
    let open = line.find("](")?;
    let end = line[open..].find(')')? + open;
    Some(line[open + 2..end].trim())
}

fn list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- [") || t.starts_with("* [")
}

/// `SUMMARY.md` with `- [title](file)` added: after the entry for
/// `after_file` (and its sub-entries) when given, else at the end of the
/// last part's list.
fn insert_summary_entry(
    summary: &str,
    title: &str,
    file: &str,
    after_file: Option<&str>,
) -> Result<String, String> {
    let lines: Vec<&str> = summary.lines().collect();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let (at, prefix) = match after_file {
        Some(after) => {
            let Some(i) = lines.iter().position(|l| summary_link(l) == Some(after)) else {
                return Err(format!(
                    "book/src/SUMMARY.md does not list {after}, so the new lesson cannot be put after it; add its entry first."
                ));
            };
            let indent = indent_of(lines[i]);
            let mut end = i + 1;
            while end < lines.len() && list_item(lines[end]) && indent_of(lines[end]) > indent {
                end += 1;
            }
            let bullet = &lines[i][..indent + 1];
            (end, format!("{bullet} "))
        }
        None => {
            let part = lines.iter().rposition(|l| l.starts_with("# ")).unwrap_or(0);
            let first = (part..lines.len()).find(|&i| list_item(lines[i]));
            match first {
                Some(first) => {
                    let last = (first..lines.len())
                        .rfind(|&i| list_item(lines[i]))
                        .unwrap_or(first);
                    let indent = indent_of(lines[first]);
                    (last + 1, format!("{} ", &lines[first][..indent + 1]))
                }
                None => (lines.len(), "- ".to_string()),
            }
        }
    };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let entry = format!("{prefix}[{title}]({file})");
    if at < lines.len() {
        out.insert(at, entry);
    } else {
        if !lines.last().is_none_or(|l| list_item(l)) {
            out.push(String::new());
        }
        out.push(entry);
    }
    let mut text = out.join("\n");
    text.push('\n');
    Ok(text)
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn cargo_toml(number: u32, title: &str, package: &str) -> String {
    format!(
        r#"[package]
name = "{package}"
version = "0.1.0"
description = {description}
edition.workspace = true
license.workspace = true
publish.workspace = true

[lib]
doctest = false

[dependencies]
lesson-kit.workspace = true
tokio.workspace = true

[dev-dependencies]
insta.workspace = true

[lints]
workspace = true
"#,
        description = toml_string(&format!(
            "Lesson {number:02}: {}.",
            title.trim_end_matches('.')
        )),
    )
}

fn lib_rs(number: u32, title: &str, package: &str) -> String {
    let title = title.trim_end_matches('.');
    format!(
        r#"//! Lesson {number:02}: {title}.
//!
//! For now it shows `cargo xtask new-lesson`'s starting example: two
//! downloads joined with `tokio::join!`, whose waits overlap. Replace this
//! paragraph with what the lesson shows, and the example with its programs.
//!
//! Run it: `cargo run -p {package}`.

use lesson_kit::Program;

pub mod {MODULE};

/// The programs of this lesson, in the order `cargo run` shows them.
pub fn programs() -> Vec<Program> {{
    vec![Program::tokio(
        "{PROGRAM}",
        "join!(download(a), download(b))",
        {MODULE}::run,
    )]
}}

lesson_kit::snapshot_tests!(programs);
"#
    )
}

fn main_rs(number: u32, package: &str) -> String {
    format!(
        r#"//! Runs lesson {number:02} on real time: `cargo run -p {package}`
//! (add a program's name, e.g. `-- {PROGRAM}`, to run only that one).

fn main() {{
    lesson_kit::run_all({krate}::programs());
}}
"#,
        krate = package.replace('-', "_"),
    )
}

fn program_rs() -> String {
    format!(
        r#"//! `{PROGRAM}`: two downloads, joined: each one waits on the network
//! (a timer here), and while one waits the other runs, so both finish after
//! 2 s, the time of the slower one, not 1 s + 2 s.

use std::time::Duration;

use lesson_kit::{{Lane, say}};

// ANCHOR: {MODULE}
async fn download(file: &str, seconds: u64) {{
    say!("{{file}}: started");
    // `.await` hands the thread back to the runtime until the timer fires,
    // so the other download makes progress during this wait.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    say!("{{file}}: done");
}}

pub async fn run() {{
    // `join!` polls both futures on this one thread and returns when both
    // are done: their waits overlap. (`.lane(..)` names each future in the
    // chapter's timeline; it changes nothing else.)
    tokio::join!(
        download("report.pdf", 2).lane("report.pdf"),
        download("logo.png", 1).lane("logo.png"),
    );
    say!("Both downloads done");
}}
// ANCHOR_END: {MODULE}
"#
    )
}

fn chapter_md(id: &str, title: &str) -> String {
    format!(
        r#"# {title}

Replace this paragraph with what the lesson shows and why it matters, in a
few sentences for a reader who knows a little Python `asyncio`; then walk
through the program below, and say why its output comes in this order.

## Two downloads, joined

```rust,noplayground
{{{{#rustdoc_include ../../crates/{id}/src/{MODULE}.rs:{MODULE}}}}}
```

```text
{{{{#include ../../crates/{id}/src/snapshots/{PROGRAM}.snap:4:}}}}
```

{{{{#include ../../crates/{id}/src/snapshots/{PROGRAM}.svg}}}}

## Python analogue

To show the Python beside the Rust, add `crates/{id}/python/{PROGRAM}.py`,
an `asyncio` program that prints the same lines without timestamps, run
`cargo xtask python --bless` to record its output in `{PROGRAM}.out`, and
include both files here the way the chapter of lesson 01 does. Delete this
section if the lesson has no Python analogue.
"#
    )
}

struct Plan {
    created: Created,
    /// `(from, to)`, absolute, in the order to run them.
    renames: Vec<(PathBuf, PathBuf)>,
    /// `(path after the renames, new content)` of existing files.
    edits: Vec<(PathBuf, String)>,
    /// `(path, content)` of new files.
    new_files: Vec<(PathBuf, String)>,
    crate_dir: PathBuf,
    snapshot: PathBuf,
}

fn plan(root: &Path, options: &Options) -> Result<Plan, String> {
    let slug = options.slug.as_str();
    check_slug(slug)?;
    let title = match &options.title {
        Some(t) => {
            check_title(t)?;
            t.trim().to_string()
        }
        None => title_from_slug(slug),
    };
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).map_err(|_| {
        format!(
            "There is no workspace Cargo.toml in {}; run new-lesson from the course's workspace.",
            root.display()
        )
    })?;
    if !manifest.contains("\"crates/*\"") {
        return Err("The workspace Cargo.toml does not list \"crates/*\" in its members, so a new lesson crate would not be built; add it.".into());
    }
    let summary_path = root.join("book/src/SUMMARY.md");
    std::fs::read_to_string(&summary_path).map_err(|_| {
        "book/src/SUMMARY.md cannot be read, so the new chapter cannot be listed; restore it first.".to_string()
    })?;
    let lessons = crate::lessons(root);
    if let Some(taken) = lessons.iter().find(|l| l.slug == slug) {
        return Err(format!(
            "A lesson with the slug `{slug}` already exists (crates/{}); choose another slug.",
            taken.id()
        ));
    }
    let numbers = || {
        lessons
            .iter()
            .map(|l| format!("{:02}", l.number))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let number = match options.after {
        Some(after) => {
            if !lessons.iter().any(|l| l.number == after) {
                return Err(if lessons.is_empty() {
                    format!(
                        "There is no lesson {after:02} to put the new lesson after, nor any lesson yet; leave out --after."
                    )
                } else {
                    format!(
                        "There is no lesson {after:02} to put the new lesson after; --after takes the number of an existing lesson: {}.",
                        numbers()
                    )
                });
            }
            after + 1
        }
        None => lessons.iter().map(|l| l.number).max().unwrap_or(0) + 1,
    };
    let moved: Vec<&crate::Lesson> = lessons.iter().filter(|l| l.number >= number).collect();
    let highest = moved.iter().map(|l| l.number + 1).max().unwrap_or(number);
    if highest > 99 {
        return Err(format!(
            "Lesson numbers have two digits, and this would need lesson {highest}; there is no room for another lesson."
        ));
    }
    let id = format!("{number:02}-{slug}");
    let package = format!("lesson-{id}");

    // Renames, highest number first so no name is taken while in use.
    let mut renames = Vec::new();
    let mut renumbered = Vec::new();
    let mut tokens: Vec<(String, String)> = Vec::new();
    for lesson in moved.iter().rev() {
        let old = lesson.id();
        let new = format!("{:02}-{}", lesson.number + 1, lesson.slug);
        renames.push((
            root.join("crates").join(&old),
            root.join("crates").join(&new),
        ));
        let chapter = root.join(format!("book/src/{old}.md"));
        if chapter.exists() {
            renames.push((chapter, root.join(format!("book/src/{new}.md"))));
        }
        for (from, to) in [
            (format!("crates/{old}"), format!("crates/{new}")),
            (format!("{old}.md"), format!("{new}.md")),
            (format!("lesson-{old}"), format!("lesson-{new}")),
            (
                format!("lesson_{}", old.replace('-', "_")),
                format!("lesson_{}", new.replace('-', "_")),
            ),
        ] {
            tokens.push((from, to));
        }
        renumbered.push((old, new));
    }
    renumbered.reverse();

    // Nothing may stand where a file or folder is going.
    let crate_dir = root.join("crates").join(&id);
    let chapter = root.join(format!("book/src/{id}.md"));
    let mut vacated: Vec<&Path> = Vec::new();
    let targets = renames
        .iter()
        .map(|(from, to)| (Some(from.as_path()), to.as_path()))
        .chain([(None, crate_dir.as_path()), (None, chapter.as_path())]);
    for (from, to) in targets {
        if to.exists() && !vacated.contains(&to) {
            return Err(format!(
                "{} already exists and is in the way of the new lesson; move or delete it, then run new-lesson again.",
                crate::book::rel(root, to)
            ));
        }
        vacated.extend(from);
    }

    // Where each file lands after the renames.
    let moved_path = |path: &Path| -> PathBuf {
        for (from, to) in &renames {
            if let Ok(rest) = path.strip_prefix(from) {
                return if rest.as_os_str().is_empty() {
                    to.clone()
                } else {
                    to.join(rest)
                };
            }
        }
        path.to_path_buf()
    };
    let mut edits = Vec::new();
    let mut prose_mentions = Vec::new();
    let after_file = options.after.and_then(|after| {
        lessons
            .iter()
            .find(|l| l.number == after)
            .map(|l| format!("{}.md", l.id()))
    });
    for file in text_files(root) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let mut new_text = text.clone();
        for (from, to) in &tokens {
            new_text = replace_token(&new_text, from, to);
        }
        // A renumbered lesson's own sources say "Lesson 03" of themselves.
        for lesson in &moved {
            if file.starts_with(&lesson.dir)
                && !file.components().any(|c| c.as_os_str() == "snapshots")
            {
                for word in ["Lesson", "lesson"] {
                    new_text = replace_token(
                        &new_text,
                        &format!("{word} {:02}", lesson.number),
                        &format!("{word} {:02}", lesson.number + 1),
                    );
                }
            }
        }
        if file == summary_path {
            new_text = insert_summary_entry(
                &new_text,
                &title,
                &format!("{id}.md"),
                after_file.as_deref(),
            )?;
        }
        if file.extension().is_some_and(|e| e == "md") && !moved.is_empty() {
            for (i, line) in text.lines().enumerate() {
                let lower = line.to_lowercase();
                if moved.iter().any(|l| {
                    [
                        format!("lesson {}", l.number),
                        format!("lesson {:02}", l.number),
                    ]
                    .iter()
                    .any(|m| {
                        lower.match_indices(m.as_str()).any(|(at, _)| {
                            !lower[at + m.len()..].starts_with(|c: char| c.is_ascii_digit())
                        })
                    })
                }) {
                    prose_mentions.push(format!(
                        "{}:{}: {}",
                        crate::book::rel(root, &moved_path(&file)),
                        i + 1,
                        line.trim()
                    ));
                }
            }
        }
        if new_text != text {
            edits.push((moved_path(&file), new_text));
        }
    }
    let snapshot = crate_dir
        .join("src/snapshots")
        .join(format!("{PROGRAM}.snap"));
    let new_files = vec![
        (
            crate_dir.join("Cargo.toml"),
            cargo_toml(number, &title, &package),
        ),
        (
            crate_dir.join("src/lib.rs"),
            lib_rs(number, &title, &package),
        ),
        (crate_dir.join("src/main.rs"), main_rs(number, &package)),
        (crate_dir.join(format!("src/{MODULE}.rs")), program_rs()),
        (chapter, chapter_md(&id, &title)),
    ];
    let mut files: Vec<String> = new_files
        .iter()
        .map(|(p, _)| crate::book::rel(root, p))
        .collect();
    files.insert(4, crate::book::rel(root, &snapshot));
    files.insert(5, crate::book::rel(root, &snapshot.with_extension("svg")));
    let mut changed: Vec<String> = edits
        .iter()
        .map(|(p, _)| crate::book::rel(root, p))
        .collect();
    if !changed.iter().any(|c| c == "Cargo.lock") && root.join("Cargo.lock").exists() {
        changed.push("Cargo.lock".into());
    }
    Ok(Plan {
        created: Created {
            number,
            id,
            package,
            title,
            files,
            renumbered,
            changed,
            prose_mentions,
        },
        renames,
        edits,
        new_files,
        crate_dir,
        snapshot,
    })
}

/// Makes the new lesson in `root`. `record_snapshot(root, package)` must
/// write the new lesson's first snapshot; the CLI runs
/// [`cargo_record_snapshot`], the tests a stand-in. On any error every
/// change is undone and the message says what went wrong.
pub fn new_lesson(
    root: &Path,
    options: &Options,
    record_snapshot: &mut dyn FnMut(&Path, &str, Record) -> Result<(), String>,
) -> Result<Created, String> {
    let plan = plan(root, options)?;
    let mut journal = Journal::default();
    match apply(root, &plan, &mut journal, record_snapshot) {
        Ok(()) => Ok(plan.created),
        Err(message) => {
            let failed = journal.rollback();
            if failed.is_empty() {
                Err(message)
            } else {
                Err(format!(
                    "{message} Undoing the changes also failed, so fix these by hand: {}.",
                    failed.join("; ")
                ))
            }
        }
    }
}

fn apply(
    root: &Path,
    plan: &Plan,
    journal: &mut Journal,
    record_snapshot: &mut dyn FnMut(&Path, &str, Record) -> Result<(), String>,
) -> Result<(), String> {
    for (from, to) in &plan.renames {
        journal.rename(from, to)?;
    }
    for (path, text) in &plan.edits {
        journal.write(path, text)?;
    }
    // Cargo rewrites the lockfile when it sees the new package.
    journal.save(&root.join("Cargo.lock"))?;
    journal.create_dir_all(&plan.crate_dir.join("src/snapshots"))?;
    for (path, text) in &plan.new_files {
        journal.write(path, text)?;
    }
    record_snapshot(root, &plan.created.package, Record::FirstSnapshot)?;
    // A renumbered lesson's timelines name its package: draw them again.
    for (_, new) in &plan.created.renumbered {
        record_snapshot(root, &format!("lesson-{new}"), Record::Timelines)?;
    }
    let pending = plan.snapshot.with_extension("snap.new");
    if !plan.snapshot.is_file()
        || !plan.snapshot.with_extension("svg").is_file()
        || pending.exists()
    {
        return Err(format!(
            "Recording the first snapshot did not write {}; nothing was changed.",
            crate::book::rel(root, &plan.snapshot)
        ));
    }
    Ok(())
}

/// What [`cargo_record_snapshot`] records for a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The new lesson: its first snapshot and timeline, accepted.
    FirstSnapshot,
    /// A renumbered lesson: its timelines only, which name its package.
    Timelines,
}

/// Records the new lesson's first snapshot with its own test, with insta
/// in accept mode: `INSTA_UPDATE=always` writes the `.snap` in place (also
/// under `CI=true`, which is removed anyway so nothing else changes mode).
pub fn cargo_record_snapshot(root: &Path, package: &str, what: Record) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // A renumbered lesson only gets its timelines redrawn: its snapshots
    // must still match, so nothing it prints is accepted unseen.
    let (variable, value) = match what {
        Record::FirstSnapshot => ("INSTA_UPDATE", "always"),
        Record::Timelines => ("TIMELINES", "write"),
    };
    let output = Command::new(cargo)
        .args(["test", "--quiet", "--package", package, "--lib"])
        .current_dir(root)
        .env(variable, value)
        .env_remove("CI")
        .env_remove("INSTA_FORCE_PASS")
        .output()
        .map_err(|e| {
            format!("Could not run cargo to record the first snapshot ({e}); nothing was changed.")
        })?;
    if output.status.success() {
        return Ok(());
    }
    // Show what went wrong before the one-line summary.
    eprint!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    Err(format!(
        "`cargo test -p {package}` failed while recording the first snapshot (its output is above), so nothing was changed."
    ))
}

/// `cargo xtask new-lesson ...`: exit code 0, or 2 with one sentence on
/// stderr and the tree unchanged.
pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let result =
        parse_args(args).and_then(|options| new_lesson(root, &options, &mut cargo_record_snapshot));
    match result {
        Ok(created) => {
            print!("{}", created.report());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A tiny workspace with two lessons, in a fresh temporary folder that
    /// is removed on drop.
    struct Fixture(PathBuf);

    const SUMMARY: &str = "# Summary\n\n[Introduction](introduction.md)\n\n# Part I: Basics\n\n- [Alpha one](01-alpha-one.md)\n- [Beta two](02-beta-two.md)\n";

    impl Fixture {
        fn new() -> Self {
            static COUNT: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "xtask-new-lesson-{}-{}",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = std::fs::remove_dir_all(&dir);
            let f = Fixture(dir);
            f.write(
                "Cargo.toml",
                "[workspace]\nmembers = [\"crates/*\", \"xtask\"]\n",
            );
            f.write(
                "Cargo.lock",
                "version = 4\n\n[[package]]\nname = \"lesson-01-alpha-one\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"lesson-02-beta-two\"\nversion = \"0.1.0\"\n",
            );
            f.write("book/src/SUMMARY.md", SUMMARY);
            f.write("book/src/introduction.md", "# Introduction\n");
            for (id, title) in [("01-alpha-one", "Alpha one"), ("02-beta-two", "Beta two")] {
                let n = &id[..2];
                let krate = format!("lesson_{}", id.replace('-', "_"));
                f.write(
                    &format!("crates/{id}/Cargo.toml"),
                    &format!("[package]\nname = \"lesson-{id}\"\ndescription = \"Lesson {n}: {title}.\"\n"),
                );
                f.write(
                    &format!("crates/{id}/src/lib.rs"),
                    &format!("//! Lesson {n}: {title}.\n//!\n//! Run it: `cargo run -p lesson-{id}`.\npub mod prog;\n"),
                );
                f.write(
                    &format!("crates/{id}/src/main.rs"),
                    &format!("//! Runs lesson {n}.\nfn main() {{ lesson_kit::run_all({krate}::programs()); }}\n"),
                );
                f.write(
                    &format!("crates/{id}/src/prog.rs"),
                    "//! prog\n// ANCHOR: prog\npub async fn run() {}\n// ANCHOR_END: prog\n",
                );
                f.write(
                    &format!("crates/{id}/src/snapshots/prog.snap"),
                    &format!("---\nsource: crates/{id}/src/lib.rs\n---\n[0.000s] hi\n"),
                );
                f.write(
                    &format!("book/src/{id}.md"),
                    &format!("# {title}\n\nSee lesson 2.\n\n```rust,noplayground\n{{{{#rustdoc_include ../../crates/{id}/src/prog.rs:prog}}}}\n```\n\n```text\n{{{{#include ../../crates/{id}/src/snapshots/prog.snap:4:}}}}\n```\n"),
                );
            }
            f
        }

        fn write(&self, path: &str, text: &str) {
            let path = self.0.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }

        fn read(&self, path: &str) -> String {
            std::fs::read_to_string(self.0.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
        }

        /// Every folder and file below the root, with the files' bytes.
        fn tree(&self) -> BTreeMap<String, Option<Vec<u8>>> {
            fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Option<Vec<u8>>>) {
                for entry in std::fs::read_dir(dir).unwrap().flatten() {
                    let path = entry.path();
                    let rel = path.strip_prefix(root).unwrap().display().to_string();
                    if path.is_dir() {
                        out.insert(rel, None);
                        walk(root, &path, out);
                    } else {
                        out.insert(rel, Some(std::fs::read(&path).unwrap()));
                    }
                }
            }
            let mut out = BTreeMap::new();
            walk(&self.0, &self.0, &mut out);
            out
        }

        fn run(&self, args: &[&str]) -> Result<Created, String> {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            let options = parse_args(&args)?;
            new_lesson(&self.0, &options, &mut fake_snapshot)
        }
    }

    impl Drop for Fixture {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Stands in for `cargo test` with `INSTA_UPDATE=always`: writes the
    /// snapshot insta would write, and adds the package to the lockfile as
    /// cargo would.
    fn fake_snapshot(root: &Path, package: &str, what: Record) -> Result<(), String> {
        if what == Record::Timelines {
            return Ok(());
        }
        let id = package.strip_prefix("lesson-").unwrap();
        let path = root.join(format!("crates/{id}/src/snapshots/{PROGRAM}.snap"));
        std::fs::write(
            &path,
            format!("---\nsource: crates/{id}/src/lib.rs\n---\n[0.000s] report.pdf: started\n"),
        )
        .map_err(|e| e.to_string())?;
        std::fs::write(path.with_extension("svg"), "<svg></svg>\n").map_err(|e| e.to_string())?;
        let lock = root.join("Cargo.lock");
        let mut text = std::fs::read_to_string(&lock).map_err(|e| e.to_string())?;
        text.push_str(&format!("\n[[package]]\nname = \"{package}\"\n"));
        std::fs::write(lock, text).map_err(|e| e.to_string())
    }

    #[test]
    fn creates_the_next_lesson() {
        let f = Fixture::new();
        let created = f
            .run(&["retry-with-backoff", "--title", "Retrying with backoff"])
            .unwrap();
        assert_eq!(created.id, "03-retry-with-backoff");
        assert_eq!(created.package, "lesson-03-retry-with-backoff");
        assert!(created.renumbered.is_empty());
        let dir = "crates/03-retry-with-backoff";
        assert_eq!(
            created.files,
            [
                format!("{dir}/Cargo.toml"),
                format!("{dir}/src/lib.rs"),
                format!("{dir}/src/main.rs"),
                format!("{dir}/src/two_downloads.rs"),
                format!("{dir}/src/snapshots/two-downloads.snap"),
                format!("{dir}/src/snapshots/two-downloads.svg"),
                "book/src/03-retry-with-backoff.md".to_string(),
            ]
        );
        for file in &created.files {
            assert!(f.0.join(file).is_file(), "{file} was not created");
        }
        let manifest = f.read(&format!("{dir}/Cargo.toml"));
        assert!(manifest.contains("name = \"lesson-03-retry-with-backoff\""));
        assert!(manifest.contains("description = \"Lesson 03: Retrying with backoff.\""));
        assert!(manifest.contains("lesson-kit.workspace = true"));
        let lib = f.read(&format!("{dir}/src/lib.rs"));
        assert!(lib.starts_with("//! Lesson 03: Retrying with backoff.\n"));
        assert!(lib.contains("Run it: `cargo run -p lesson-03-retry-with-backoff`"));
        assert!(lib.contains("lesson_kit::snapshot_tests!(programs);"));
        assert!(lib.contains("Program::tokio(\n        \"two-downloads\""));
        let main = f.read(&format!("{dir}/src/main.rs"));
        assert!(main.contains("lesson_03_retry_with_backoff::programs()"));
        let program = f.read(&format!("{dir}/src/two_downloads.rs"));
        assert!(program.starts_with("//! "));
        assert!(program.contains("// ANCHOR: two_downloads\n"));
        assert!(program.contains("// ANCHOR_END: two_downloads\n"));
        assert!(program.contains(".await;"));
        let chapter = f.read("book/src/03-retry-with-backoff.md");
        assert!(chapter.starts_with("# Retrying with backoff\n"));
        assert!(chapter.contains("```rust,noplayground\n{{#rustdoc_include ../../crates/03-retry-with-backoff/src/two_downloads.rs:two_downloads}}\n```"));
        assert!(chapter.contains(
            "{{#include ../../crates/03-retry-with-backoff/src/snapshots/two-downloads.snap:4:}}"
        ));
        assert!(chapter.contains("## Python analogue"));
        assert!(chapter.contains("cargo xtask python --bless"));
        assert!(chapter.contains("crates/03-retry-with-backoff/python/two-downloads.py"));
        assert_eq!(
            f.read("book/src/SUMMARY.md"),
            SUMMARY.to_string() + "- [Retrying with backoff](03-retry-with-backoff.md)\n"
        );
        let report = created.report();
        for step in [
            "crates/03-retry-with-backoff/src/two_downloads.rs",
            "cargo run -p lesson-03-retry-with-backoff",
            "cargo insta test --review",
            "cargo xtask serve",
        ] {
            assert!(
                report.contains(step),
                "the report lacks {step:?}:\n{report}"
            );
        }
        // The chapter's includes resolve, with the crate's own expansion.
        let path = f.0.join("book/src/03-retry-with-backoff.md");
        crate::book::expand(&f.0, &path, &chapter).unwrap();
    }

    #[test]
    fn the_title_defaults_to_the_slug() {
        let f = Fixture::new();
        let created = f.run(&["timeouts"]).unwrap();
        assert_eq!(created.title, "Timeouts");
        assert!(
            f.read("book/src/SUMMARY.md")
                .ends_with("- [Timeouts](03-timeouts.md)\n")
        );
    }

    #[test]
    fn after_renumbers_the_later_lessons() {
        let f = Fixture::new();
        let created = f.run(&["timeouts-first", "--after", "01"]).unwrap();
        assert_eq!(created.id, "02-timeouts-first");
        assert_eq!(
            created.renumbered,
            [("02-beta-two".to_string(), "03-beta-two".to_string())]
        );
        assert!(!f.0.join("crates/02-beta-two").exists());
        assert!(!f.0.join("book/src/02-beta-two.md").exists());
        assert!(f.0.join("crates/02-timeouts-first/src/lib.rs").is_file());
        assert!(
            f.read("crates/03-beta-two/Cargo.toml")
                .contains("name = \"lesson-03-beta-two\"\ndescription = \"Lesson 03: Beta two.\"")
        );
        assert!(f.read("crates/03-beta-two/src/lib.rs").starts_with(
            "//! Lesson 03: Beta two.\n//!\n//! Run it: `cargo run -p lesson-03-beta-two`."
        ));
        assert!(
            f.read("crates/03-beta-two/src/main.rs")
                .contains("//! Runs lesson 03.\nfn main() { lesson_kit::run_all(lesson_03_beta_two::programs()); }")
        );
        assert_eq!(
            f.read("crates/03-beta-two/src/snapshots/prog.snap"),
            "---\nsource: crates/03-beta-two/src/lib.rs\n---\n[0.000s] hi\n"
        );
        let chapter = f.read("book/src/03-beta-two.md");
        assert!(chapter.contains("{{#rustdoc_include ../../crates/03-beta-two/src/prog.rs:prog}}"));
        assert!(
            chapter.contains("{{#include ../../crates/03-beta-two/src/snapshots/prog.snap:4:}}")
        );
        assert_eq!(
            f.read("book/src/SUMMARY.md"),
            SUMMARY.replace(
                "- [Beta two](02-beta-two.md)\n",
                "- [Timeouts first](02-timeouts-first.md)\n- [Beta two](03-beta-two.md)\n"
            )
        );
        let lock = f.read("Cargo.lock");
        assert!(lock.contains("name = \"lesson-03-beta-two\""));
        assert!(!lock.contains("lesson-02-beta-two"));
        // Lesson 01 is untouched, and its prose mention of "lesson 2" is
        // pointed out, not rewritten.
        assert!(
            f.read("crates/01-alpha-one/src/lib.rs")
                .starts_with("//! Lesson 01: Alpha one.")
        );
        assert!(f.read("book/src/01-alpha-one.md").contains("See lesson 2."));
        assert!(
            created
                .prose_mentions
                .iter()
                .any(|m| m.starts_with("book/src/01-alpha-one.md:3:"))
        );
        assert_eq!(created.renumbered.len(), 1);
        assert!(created.report().contains("02-beta-two -> 03-beta-two"));
    }

    #[test]
    fn rejected_inputs_change_nothing() {
        let f = Fixture::new();
        f.write("book/src/03-stray.md", "# left over\n");
        let long = "a".repeat(41);
        let cases: &[(&[&str], &str)] = &[
            (&["Retry"], "has uppercase letters"),
            (&["retry now"], "contains ' ', which is not allowed"),
            (&["retry_now"], "contains '_', which is not allowed"),
            (&["retry/now"], "contains '/', which is not allowed"),
            (&[".."], "contains '.', which is not allowed"),
            (&["--", "-retry"], "starts or ends with a hyphen"),
            (&["retry-"], "starts or ends with a hyphen"),
            (&["retry--now"], "two hyphens in a row"),
            (&[""], "The slug is empty"),
            (&["x"], "is 1 character long"),
            (&[long.as_str()], "is 41 characters long"),
            (&["café"], "has non-ASCII characters"),
            (&["beta-two"], "already exists (crates/02-beta-two)"),
            (&["xtask"], "The slug `xtask` is reserved"),
            (&["book-tests"], "is reserved"),
            (
                &["retry", "--after", "99"],
                "There is no lesson 99 to put the new lesson after; --after takes the number of an existing lesson: 01, 02.",
            ),
            (
                &["retry", "--after", "x"],
                "--after takes the number of an existing lesson",
            ),
            (&["retry", "--after"], "The option --after needs a value"),
            (&["retry", "--title"], "The option --title needs a value"),
            (&["retry", "--title", "a [b]"], "without square brackets"),
            (&["retry", "--force"], "Unknown option `--force`"),
            (&["retry", "again"], "takes one slug"),
            (&[], "new-lesson needs a slug"),
            (
                &["stray"],
                "book/src/03-stray.md already exists and is in the way",
            ),
        ];
        let before = f.tree();
        for (args, expected) in cases {
            let message = f.run(args).expect_err(&format!("{args:?} was accepted"));
            assert!(
                message.contains(expected),
                "{args:?}: {message:?} does not say {expected:?}"
            );
            assert!(
                message.ends_with('.') && message.lines().count() == 1,
                "{args:?}: {message:?} is not one sentence"
            );
            assert!(f.tree() == before, "{args:?} changed the tree");
        }
    }

    #[test]
    fn a_failing_snapshot_step_undoes_everything() {
        let f = Fixture::new();
        let before = f.tree();
        let options =
            parse_args(&["timeouts-first".into(), "--after".into(), "01".into()]).unwrap();
        let message = new_lesson(&f.0, &options, &mut |root, package, what| {
            // Half-way: the snapshot and the lockfile are written, then the
            // build fails.
            fake_snapshot(root, package, what)?;
            std::fs::write(root.join("crates/02-timeouts-first/src/stray.txt"), "x").unwrap();
            Err("`cargo test -p lesson-02-timeouts-first` failed.".into())
        })
        .unwrap_err();
        assert_eq!(message, "`cargo test -p lesson-02-timeouts-first` failed.");
        assert!(f.tree() == before, "the rollback left the tree changed");
    }

    #[test]
    fn renumbered_lessons_get_their_timelines_redrawn() {
        let f = Fixture::new();
        let options = parse_args(&["timeouts".into(), "--after".into(), "01".into()]).unwrap();
        let mut calls = Vec::new();
        new_lesson(&f.0, &options, &mut |root, package, what| {
            calls.push((package.to_string(), what));
            fake_snapshot(root, package, what)
        })
        .unwrap();
        assert_eq!(
            calls,
            [
                ("lesson-02-timeouts".to_string(), Record::FirstSnapshot),
                ("lesson-03-beta-two".to_string(), Record::Timelines),
            ]
        );
    }

    #[test]
    fn a_missing_snapshot_is_an_error_and_undone() {
        let f = Fixture::new();
        let before = f.tree();
        let options = parse_args(&["timeouts".into()]).unwrap();
        let message = new_lesson(&f.0, &options, &mut |_, _, _| Ok(())).unwrap_err();
        assert!(
            message.contains("did not write crates/03-timeouts/src/snapshots/two-downloads.snap")
        );
        assert!(f.tree() == before);
    }

    #[test]
    fn tokens_are_replaced_only_where_they_stand_alone() {
        assert_eq!(
            replace_token(
                "crates/02-a/x crates/02-a-b x02-a.md 02-a.md",
                "crates/02-a",
                "crates/03-a"
            ),
            "crates/03-a/x crates/02-a-b x02-a.md 02-a.md"
        );
        assert_eq!(
            replace_token("Lesson 02: Lesson 020", "Lesson 02", "Lesson 03"),
            "Lesson 03: Lesson 020"
        );
    }

    #[test]
    fn summary_entries_go_to_the_last_part_or_after_a_lesson() {
        let summary = "# Summary\n\n# Part I\n\n- [A](01-a.md)\n  - [A1](a1.md)\n- [B](02-b.md)\n\n# Part II\n\n- [C](03-c.md)\n";
        assert_eq!(
            insert_summary_entry(summary, "D", "04-d.md", None).unwrap(),
            summary.to_string() + "- [D](04-d.md)\n"
        );
        assert_eq!(
            insert_summary_entry(summary, "N", "02-n.md", Some("01-a.md")).unwrap(),
            summary.replace("- [B]", "- [N](02-n.md)\n- [B]")
        );
        let empty_part = "# Summary\n\n# Part I\n";
        assert_eq!(
            insert_summary_entry(empty_part, "A", "01-a.md", None).unwrap(),
            "# Summary\n\n# Part I\n\n- [A](01-a.md)\n"
        );
    }
}
