//! `cargo xtask new-lesson <slug> [--title "Human title"] [--after <slug>]`:
//! adds the lesson `crates/<slug>` (package `lesson-<slug>`), its chapter
//! `book/src/<slug>.md` and its `SUMMARY.md` entry, after the lesson named
//! by `--after` or at the end of the book's last part.
//!
//! The new crate is a copy of `crates/lesson-template`, a real lesson that
//! `cargo test` compiles and runs with its own snapshot, renamed; its
//! `chapter.md` becomes the chapter. Nothing else in the tree changes:
//! `SUMMARY.md` alone orders the book, so inserting a lesson renames
//! nothing. The run ends with `cargo test -p lesson-<slug>` (which also adds
//! the package to `Cargo.lock`).
//!
//! Everything is checked before anything is touched, and every change goes
//! through a [`Journal`] that undoes them all, in reverse, if a later step
//! fails, so a failed run leaves the tree exactly as it was.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Names that cannot be lesson slugs: they name workspace folders or
/// packages, and a lesson called so would only confuse.
pub const RESERVED: &[&str] = &["xtask", "book", "target", "crates", "src", "template"];

/// The crate `new-lesson` copies, below `crates/`.
pub const TEMPLATE: &str = "lesson-template";
/// The template's chapter, inside the template crate; it is not copied into
/// the new crate.
const TEMPLATE_CHAPTER: &str = "chapter.md";
/// The template's first program (its snapshot's and its module's name), for
/// the report.
const MODULE: &str = "two_downloads";

const ALLOWED: &str = "slugs are lowercase ASCII letters and digits in words joined by single hyphens, 2 to 40 characters, like `retry-with-backoff`";
/// What the command line asked for (parsed by [`crate::cli`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub slug: String,
    pub title: Option<String>,
    pub after: Option<String>,
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
            };
            if let Err(e) = result {
                failed.push(format!("{undo:?}: {e}"));
            }
        }
        failed
    }
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
            // The last part runs from its `# ` heading to the `---` before
            // the suffix chapters (or the end).
            let part = lines.iter().rposition(|l| l.starts_with("# ")).unwrap_or(0);
            let end = (part..lines.len())
                .find(|&i| lines[i].trim() == "---")
                .unwrap_or(lines.len());
            match (part..end).rfind(|&i| list_item(lines[i])) {
                Some(last) => {
                    let first = (part..end).find(|&i| list_item(lines[i])).unwrap_or(last);
                    let indent = indent_of(lines[first]);
                    (last + 1, format!("{} ", &lines[first][..indent + 1]))
                }
                None => {
                    // An empty part: after its heading and one blank line.
                    let mut at = part + 1;
                    while at < end && lines[at].trim().is_empty() {
                        at += 1;
                    }
                    (at.min(part + 2), "- ".to_string())
                }
            }
        }
    };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let entry = format!("{prefix}[{title}]({file})");
    if at < lines.len() {
        if !(lines[at].trim().is_empty() || list_item(lines[at])) {
            out.insert(at, String::new());
        }
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

// ---------------------------------------------------------------------------
// Planning: everything is computed and checked before the tree is touched.

/// What a successful run did, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub slug: String,
    pub package: String,
    pub title: String,
    /// New files, relative to the root, sorted.
    pub files: Vec<String>,
}

impl Created {
    /// What the CLI prints: the files and the next steps.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Created the lesson {} ({}), package {}:",
            self.slug, self.title, self.package
        );
        for file in &self.files {
            let _ = writeln!(out, "  {file}");
        }
        let _ = write!(
            out,
            "and listed it in book/src/SUMMARY.md.
Next steps:
  1. Write the lesson's program in crates/{slug}/src/{MODULE}.rs (the example there is a placeholder; rename it in src/lib.rs too if you rename it).
  2. Run it on real time: cargo run -p {package}
  3. Review and accept its new output: cargo insta test --review
  4. Write the chapter book/src/{slug}.md and read it: cargo xtask serve
",
            slug = self.slug,
            package = self.package,
        );
        out
    }
}

struct Plan {
    created: Created,
    /// `(path, content)` of new files, absolute.
    new_files: Vec<(PathBuf, Vec<u8>)>,
    summary: (PathBuf, String),
    crate_dir: PathBuf,
}

/// The template's files, relative to its folder, sorted; build output,
/// hidden files and pending snapshots are skipped.
fn template_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::read_dir(dir).map_err(|e| {
        format!(
            "The template crates/{TEMPLATE} cannot be read ({e}); restore it with `git checkout -- crates/{TEMPLATE}`."
        )
    })?;
    Ok(
        book_model::files(dir, &|p| !p.to_string_lossy().ends_with(".snap.new"))
            .into_iter()
            .map(|p| p.strip_prefix(dir).unwrap_or(&p).to_path_buf())
            .collect(),
    )
}

/// The template's text with the template's names replaced by the lesson's:
/// paths first, then the package and the crate name.
fn rename_in(text: &str, slug: &str) -> String {
    rename_exercises(
        &text
            .replace(&format!("crates/{TEMPLATE}"), &format!("crates/{slug}"))
            .replace(TEMPLATE, &format!("lesson-{slug}"))
            .replace(
                &TEMPLATE.replace('-', "_"),
                &format!("lesson_{}", slug.replace('-', "_")),
            ),
        slug,
    )
}

/// The template's exercises, `template-predict` and `template-fix`, named
/// after the lesson (`<slug>-predict`, `<slug>-fix`), in texts and in file
/// names: an exercise's name is unique in the book, since
/// `cargo xtask exercise <name>` finds it by name alone.
fn rename_exercises(text: &str, slug: &str) -> String {
    let snake = slug.replace('-', "_");
    text.replace("template-predict", &format!("{slug}-predict"))
        .replace("template-fix", &format!("{slug}-fix"))
        .replace("template_predict", &format!("{snake}_predict"))
        .replace("template_fix", &format!("{snake}_fix"))
}

/// Replaces the first line that starts with `prefix` by `line`.
fn set_line(text: &str, prefix: &str, line: &str, file: &str) -> Result<String, String> {
    let mut done = false;
    let mut out = String::with_capacity(text.len() + line.len());
    for l in text.split_inclusive('\n') {
        if !done && l.starts_with(prefix) {
            out.push_str(line);
            out.push('\n');
            done = true;
        } else {
            out.push_str(l);
        }
    }
    if done {
        Ok(out)
    } else {
        Err(format!(
            "The template's {file} has no line starting with `{prefix}` to put the title on; restore it with `git checkout -- crates/{TEMPLATE}`."
        ))
    }
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
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
    let summary = std::fs::read_to_string(&summary_path).map_err(|_| {
        "book/src/SUMMARY.md cannot be read, so the new chapter cannot be listed; restore it first.".to_string()
    })?;
    let lessons = crate::lessons(root);
    if crate::TOOLING_CRATES.contains(&slug) {
        return Err(format!(
            "The slug `{slug}` is reserved because it names the tooling crate crates/{slug}; choose another."
        ));
    }
    if lessons.iter().any(|l| l.slug == slug) {
        return Err(format!(
            "A lesson with the slug `{slug}` already exists (crates/{slug}); choose another slug."
        ));
    }
    let after_file = match &options.after {
        Some(after) => {
            if !lessons.iter().any(|l| &l.slug == after) {
                let known: Vec<&str> = lessons.iter().map(|l| l.slug.as_str()).collect();
                return Err(format!(
                    "There is no lesson `{after}` to put the new lesson after; --after takes the slug of an existing lesson: {}.",
                    if known.is_empty() {
                        "there are none yet".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
            }
            Some(format!("{after}.md"))
        }
        None => None,
    };
    let chapter = root.join(format!("book/src/{slug}.md"));
    let crate_dir = root.join("crates").join(slug);
    for path in [&crate_dir, &chapter] {
        if path.exists() {
            return Err(format!(
                "{} already exists and is in the way; move it or choose another slug.",
                crate::book::rel(root, path)
            ));
        }
    }
    let summary = insert_summary_entry(
        &summary,
        &title,
        &format!("{slug}.md"),
        after_file.as_deref(),
    )?;

    let template = root.join("crates").join(TEMPLATE);
    let package = format!("lesson-{slug}");
    let mut new_files = Vec::new();
    let mut chapter_text = None;
    for rel in template_files(&template)? {
        let shown = rel.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(template.join(&rel)).map_err(|e| {
            format!("The template file crates/{TEMPLATE}/{shown} cannot be read ({e}).")
        })?;
        let Ok(text) = String::from_utf8(bytes) else {
            return Err(format!(
                "The template file crates/{TEMPLATE}/{shown} is not UTF-8 text; the template holds text files only."
            ));
        };
        let mut text = rename_in(&text, slug);
        match shown.as_str() {
            TEMPLATE_CHAPTER => {
                chapter_text = Some(set_line(
                    &text,
                    "# ",
                    &format!("# {title}"),
                    TEMPLATE_CHAPTER,
                )?);
                continue;
            }
            "Cargo.toml" => {
                text = set_line(
                    &text,
                    "description = ",
                    &format!(
                        "description = {}",
                        toml_string(&format!("{}.", title.trim_end_matches('.')))
                    ),
                    "Cargo.toml",
                )?;
            }
            "src/lib.rs" => {
                text = set_line(
                    &text,
                    "//! ",
                    &format!("//! {}.", title.trim_end_matches('.')),
                    "src/lib.rs",
                )?;
            }
            _ => {}
        }
        let rel = PathBuf::from(rename_exercises(&shown, slug));
        new_files.push((crate_dir.join(&rel), text.into_bytes()));
    }
    let Some(chapter_text) = chapter_text else {
        return Err(format!(
            "The template has no crates/{TEMPLATE}/{TEMPLATE_CHAPTER} to make the chapter from; restore it with `git checkout -- crates/{TEMPLATE}`."
        ));
    };
    new_files.push((chapter.clone(), chapter_text.into_bytes()));
    let mut files: Vec<String> = new_files
        .iter()
        .map(|(p, _)| crate::book::rel(root, p))
        .collect();
    files.sort();
    Ok(Plan {
        created: Created {
            slug: slug.to_string(),
            package,
            title,
            files,
        },
        new_files,
        summary: (summary_path, summary),
        crate_dir,
    })
}

/// Adds the lesson; `verify` runs its tests (`cargo test -p <package>` in
/// the CLI). On any failure every change is undone.
pub fn new_lesson(
    root: &Path,
    options: &Options,
    verify: &mut dyn FnMut(&Path, &str) -> Result<(), String>,
) -> Result<Created, String> {
    let plan = plan(root, options)?;
    let mut journal = Journal::default();
    match apply(root, &plan, &mut journal, verify) {
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
    verify: &mut dyn FnMut(&Path, &str) -> Result<(), String>,
) -> Result<(), String> {
    journal.save(&root.join("Cargo.lock"))?;
    journal.create_dir_all(&plan.crate_dir)?;
    for (path, bytes) in &plan.new_files {
        if let Some(parent) = path.parent() {
            journal.create_dir_all(parent)?;
        }
        journal.save(path)?;
        std::fs::write(path, bytes).map_err(|e| io_error("write", path, e))?;
    }
    journal.write(&plan.summary.0, &plan.summary.1)?;
    verify(root, &plan.created.package)
}

/// `cargo test -p <package>` with `CI=true`, so that a snapshot the copy got
/// wrong fails instead of being rewritten.
pub fn cargo_test(root: &Path, package: &str) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "--quiet", "--package", package])
        .current_dir(root)
        .env("CI", "true")
        .env_remove("INSTA_UPDATE")
        .env_remove("INSTA_FORCE_PASS")
        .output()
        .map_err(|e| {
            format!("Could not run cargo to test the new lesson ({e}); nothing was changed.")
        })?;
    if output.status.success() {
        return Ok(());
    }
    eprint!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    Err(format!(
        "`cargo test -p {package}` failed on the new lesson (its output is above), so nothing was changed; check that `cargo test -p {TEMPLATE}` passes."
    ))
}

pub fn main(root: &Path, options: &Options) -> Result<(), String> {
    let created = new_lesson(root, options, &mut cargo_test)?;
    print!("{}", created.report());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use book_model::fixture::Fixture;
    use std::collections::BTreeMap;

    const SUMMARY: &str = "# Summary\n\n[Introduction](introduction.md)\n\n# Part I: Basics\n\n---\n\n[Glossary](glossary.md)\n";

    /// A workspace with the real template and no lesson yet.
    fn workspace() -> Fixture {
        let f = Fixture::new("new-lesson");
        f.write(
            "Cargo.toml",
            "[workspace]\nmembers = [\"crates/*\", \"xtask\"]\n",
        );
        f.write("xtask/Cargo.toml", "[package]\nname = \"xtask\"\n");
        f.write("Cargo.lock", "version = 4\n");
        f.write("book/src/SUMMARY.md", SUMMARY);
        f.write("book/src/introduction.md", "# Introduction\n");
        f.write("book/src/glossary.md", "# Glossary\n");
        let template = crate::workspace_root()
            .unwrap()
            .join("crates")
            .join(TEMPLATE);
        for rel in template_files(&template).unwrap() {
            let bytes = std::fs::read(template.join(&rel)).unwrap();
            f.write(&format!("crates/{TEMPLATE}/{}", rel.display()), bytes);
        }
        f
    }

    /// Parses `args` as `cargo xtask new-lesson` does, and runs it with a
    /// stand-in for `cargo test` that only adds the package to the
    /// lockfile, as cargo would.
    fn run(f: &Fixture, args: &[&str]) -> Result<Created, String> {
        let mut words = vec!["new-lesson".to_string()];
        words.extend(args.iter().map(|a| a.to_string()));
        let crate::cli::Command::NewLesson(options) = crate::cli::parse(&words)? else {
            panic!("{words:?} is not a new-lesson command line");
        };
        new_lesson(f.root(), &options, &mut add_to_lockfile)
    }

    fn add_to_lockfile(root: &Path, package: &str) -> Result<(), String> {
        let lock = root.join("Cargo.lock");
        let mut text = std::fs::read_to_string(&lock).map_err(|e| e.to_string())?;
        text.push_str(&format!("\n[[package]]\nname = \"{package}\"\n"));
        std::fs::write(lock, text).map_err(|e| e.to_string())
    }

    /// What changed between two trees: `(added, changed, removed)`.
    fn diff(
        before: &BTreeMap<String, Option<Vec<u8>>>,
        after: &BTreeMap<String, Option<Vec<u8>>>,
    ) -> (Vec<String>, Vec<String>, Vec<String>) {
        let added = after
            .keys()
            .filter(|k| !before.contains_key(*k))
            .cloned()
            .collect();
        let changed = after
            .iter()
            .filter(|(k, v)| before.get(*k).is_some_and(|b| b != *v))
            .map(|(k, _)| k.clone())
            .collect();
        let removed = before
            .keys()
            .filter(|k| !after.contains_key(*k))
            .cloned()
            .collect();
        (added, changed, removed)
    }

    #[test]
    fn inserting_a_lesson_touches_only_its_files_the_summary_and_the_lockfile() {
        let f = workspace();
        run(&f, &["alpha-one"]).unwrap();
        run(&f, &["beta-two"]).unwrap();
        let before = f.tree();
        let created = run(
            &f,
            &[
                "retry-with-backoff",
                "--title",
                "Retrying with backoff",
                "--after",
                "alpha-one",
            ],
        )
        .unwrap();
        let (added, changed, removed) = diff(&before, &f.tree());
        assert!(removed.is_empty(), "removed {removed:?}");
        assert_eq!(changed, ["Cargo.lock", "book/src/SUMMARY.md"]);
        let dir = "crates/retry-with-backoff";
        assert!(
            added
                .iter()
                .all(|a| a.starts_with(dir) || a == "book/src/retry-with-backoff.md"),
            "added outside the lesson: {added:?}"
        );
        for file in &created.files {
            assert!(added.contains(file), "{file} reported but not created");
        }
        assert!(
            !added.iter().any(|a| a.ends_with(TEMPLATE_CHAPTER)),
            "the template's chapter was copied into the crate"
        );
        assert_eq!(
            f.read("book/src/SUMMARY.md"),
            SUMMARY.replace(
                "# Part I: Basics\n\n",
                "# Part I: Basics\n\n- [Alpha one](alpha-one.md)\n- [Retrying with backoff](retry-with-backoff.md)\n- [Beta two](beta-two.md)\n\n"
            )
        );
        let manifest = f.read(&format!("{dir}/Cargo.toml"));
        assert!(manifest.contains("name = \"lesson-retry-with-backoff\""));
        assert!(manifest.contains("description = \"Retrying with backoff.\"\n"));
        let lib = f.read(&format!("{dir}/src/lib.rs"));
        assert!(lib.starts_with("//! Retrying with backoff.\n"));
        assert!(lib.contains("Run it: `cargo run -p lesson-retry-with-backoff`"));
        assert!(
            !lib.contains("template"),
            "the template's name is left in:\n{lib}"
        );
        let main = f.read(&format!("{dir}/src/main.rs"));
        assert!(main.contains("lesson_retry_with_backoff::programs()"));
        assert!(
            f.read(&format!("{dir}/src/snapshots/two-downloads.snap"))
                .starts_with("---\nsource: crates/retry-with-backoff/src/lib.rs\n---\n")
        );
        assert!(
            f.read(&format!("{dir}/src/snapshots/two-downloads.svg"))
                .contains("timeline-lesson-retry-with-backoff-two-downloads")
        );
        let chapter = f.read("book/src/retry-with-backoff.md");
        assert!(chapter.starts_with("# Retrying with backoff\n"));
        assert!(chapter.contains("{{#rustdoc_include ../../crates/retry-with-backoff/src/two_downloads.rs:two_downloads}}"));
        // The whole fixture, three lessons made by new-lesson, is tidy.
        let problems = crate::tidy::check(f.root());
        assert!(problems.is_empty(), "\n{}", crate::tidy::report(&problems));
        let report = created.report();
        for step in [
            "crates/retry-with-backoff/src/two_downloads.rs",
            "cargo run -p lesson-retry-with-backoff",
            "cargo insta test --review",
            "cargo xtask serve",
        ] {
            assert!(
                report.contains(step),
                "the report lacks {step:?}:\n{report}"
            );
        }
    }

    #[test]
    fn the_title_defaults_to_the_slug_and_the_entry_to_the_last_part() {
        let f = workspace();
        let created = run(&f, &["timeouts"]).unwrap();
        assert_eq!(created.title, "Timeouts");
        assert_eq!(
            f.read("book/src/SUMMARY.md"),
            SUMMARY.replace(
                "# Part I: Basics\n\n",
                "# Part I: Basics\n\n- [Timeouts](timeouts.md)\n\n"
            )
        );
    }

    #[test]
    fn rejected_inputs_change_nothing() {
        let f = workspace();
        run(&f, &["beta-two"]).unwrap();
        f.write("book/src/stray.md", "# left over\n");
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
            (&["beta-two"], "already exists (crates/beta-two)"),
            (&["xtask"], "The slug `xtask` is reserved"),
            (&["lesson-kit"], "names the tooling crate crates/lesson-kit"),
            (&["lesson-template"], "names the tooling crate"),
            (
                &["retry", "--after", "gamma"],
                "There is no lesson `gamma` to put the new lesson after; --after takes the slug of an existing lesson: beta-two.",
            ),
            (
                &["retry", "--after"],
                "`--after` needs a value, as in `--after SLUG`",
            ),
            (
                &["retry", "--title"],
                "`--title` needs a value, as in `--title T`",
            ),
            (&["retry", "--title", "a [b]"], "without square brackets"),
            (
                &["retry", "--force"],
                "`cargo xtask new-lesson` has no option `--force`",
            ),
            (
                &["retry", "again"],
                "`again` is one too many (quote a value with spaces)",
            ),
            (&[], "`cargo xtask new-lesson` needs <slug>"),
            (
                &["stray"],
                "book/src/stray.md already exists and is in the way",
            ),
        ];
        let before = f.tree();
        for (args, expected) in cases {
            let message = run(&f, args).expect_err(&format!("{args:?} was accepted"));
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
    fn a_failing_test_run_undoes_everything() {
        let f = workspace();
        run(&f, &["alpha-one"]).unwrap();
        let before = f.tree();
        let options = Options {
            slug: "timeouts-first".into(),
            title: None,
            after: Some("alpha-one".into()),
        };
        let message = new_lesson(f.root(), &options, &mut |root, package| {
            // Half-way: the lockfile is written and a stray file appears,
            // then the build fails.
            add_to_lockfile(root, package)?;
            std::fs::write(root.join("crates/timeouts-first/src/stray.txt"), "x").unwrap();
            Err("`cargo test -p lesson-timeouts-first` failed.".into())
        })
        .unwrap_err();
        assert_eq!(message, "`cargo test -p lesson-timeouts-first` failed.");
        assert!(f.tree() == before, "the rollback left the tree changed");
    }

    #[test]
    fn a_broken_template_is_an_error_that_changes_nothing() {
        let f = workspace();
        f.remove("crates/lesson-template/chapter.md");
        let before = f.tree();
        let message = run(&f, &["timeouts"]).unwrap_err();
        assert!(
            message.contains("has no crates/lesson-template/chapter.md"),
            "{message}"
        );
        assert!(
            message.contains("git checkout -- crates/lesson-template"),
            "{message}"
        );
        assert!(f.tree() == before);
    }

    #[test]
    fn template_names_become_the_lessons() {
        assert_eq!(
            rename_in(
                "crates/lesson-template/src lesson-template lesson_template::programs",
                "retry-now"
            ),
            "crates/retry-now/src lesson-retry-now lesson_retry_now::programs"
        );
    }

    #[test]
    fn summary_entries_go_to_the_last_part_or_after_a_lesson() {
        let summary = "# Summary\n\n# Part I\n\n- [A](a.md)\n  - [A1](a1.md)\n- [B](b.md)\n\n# Part II\n\n- [C](c.md)\n";
        assert_eq!(
            insert_summary_entry(summary, "D", "d.md", None).unwrap(),
            summary.to_string() + "- [D](d.md)\n"
        );
        assert_eq!(
            insert_summary_entry(summary, "N", "n.md", Some("a.md")).unwrap(),
            summary.replace("- [B]", "- [N](n.md)\n- [B]")
        );
        let empty_part = "# Summary\n\n# Part I\n";
        assert_eq!(
            insert_summary_entry(empty_part, "A", "a.md", None).unwrap(),
            "# Summary\n\n# Part I\n\n- [A](a.md)\n"
        );
    }
}
