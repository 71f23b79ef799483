//! The workspace as the tools see it: where it is (found at run time), the
//! lessons under `crates/`, the one directory walker every tool uses, and
//! the one reader of a `Cargo.toml`'s package name.

use std::path::{Path, PathBuf};

/// The crates under `crates/` that are not lessons: the book's model, the
/// book's tests, the kit every lesson uses, and the template `new-lesson`
/// copies. Every other folder there is a lesson.
pub const TOOLING_CRATES: &[&str] = &["book-model", "book-tests", "lesson-kit", "lesson-template"];

/// The workspace that `dir` is in: `dir` or the nearest folder above it
/// whose `Cargo.toml` has a `[workspace]` table. Tools call it with the
/// current directory (cargo runs build scripts and tests in their
/// package's folder, and `cargo xtask` where it is typed), never with a path
/// compiled in: cargo reuses a compiled tool across checkouts that share a
/// target folder, and the tool must act on the checkout it runs in.
pub fn find_root(dir: &Path) -> Result<PathBuf, String> {
    for candidate in dir.ancestors() {
        let manifest = candidate.join("Cargo.toml");
        if let Ok(text) = std::fs::read_to_string(&manifest)
            && text.lines().any(|l| l.trim() == "[workspace]")
        {
            return Ok(candidate.to_path_buf());
        }
    }
    Err(format!(
        "{} is not inside the course's workspace: neither it nor any folder above it has a Cargo.toml with a [workspace] table; run the command from the course's checkout.",
        dir.display()
    ))
}

/// [`find_root`] of the current directory.
pub fn current_root() -> Result<PathBuf, String> {
    let dir = std::env::current_dir().map_err(|e| {
        format!("The current directory cannot be read ({e}); cd into the course's checkout.")
    })?;
    find_root(&dir)
}

/// A lesson crate: `crates/<slug>`, package `lesson-<slug>`, chapter
/// `book/src/<slug>.md`. Its place in the book is its `SUMMARY.md` entry,
/// nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub slug: String,
    pub dir: PathBuf,
}

impl Lesson {
    pub fn package(&self) -> String {
        format!("lesson-{}", self.slug)
    }

    /// `book/src/<slug>.md`, relative to the workspace root.
    pub fn chapter(&self) -> String {
        format!("book/src/{}.md", self.slug)
    }
}

/// Every lesson crate under `crates/`, sorted by slug (the book's order is
/// `SUMMARY.md`'s).
pub fn lessons(root: &Path) -> Vec<Lesson> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("crates")) {
        for entry in entries.flatten() {
            let slug = entry.file_name().to_string_lossy().to_string();
            if entry.path().is_dir()
                && !slug.starts_with('.')
                && !TOOLING_CRATES.contains(&slug.as_str())
            {
                found.push(Lesson {
                    slug,
                    dir: entry.path(),
                });
            }
        }
    }
    found.sort_by(|a, b| a.slug.cmp(&b.slug));
    found
}

/// Files below `dir` that `wanted` accepts, sorted; hidden files and
/// folders, `target/` and mdBook's output (`book/book/`) are skipped. A
/// missing or unreadable folder has no files.
pub fn files(dir: &Path, wanted: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                // `exercises/` at the top is the reader's own attempts
                // (`cargo xtask exercise`): never the project's to check.
                let skip = name == "target"
                    || (name == "book" && path.parent().is_some_and(|p| p.ends_with("book")))
                    || (name == "exercises"
                        && path.parent() == Some(dir)
                        && dir.join("Cargo.toml").exists());
                if !skip {
                    stack.push(path);
                }
            } else if wanted(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The `name` of a `Cargo.toml`'s `[package]` table (not of a `[[bin]]`
/// or a dependency), or `None` if it has none.
pub fn package_name(manifest: &str) -> Option<String> {
    manifest_value(manifest, "package", "name")
}

/// The string value of `key = "…"` in the table `[section]` of a
/// Cargo.toml (`package`, `package.metadata.bench`), first occurrence
/// only, a trailing `# comment` dropped: the one Cargo.toml reader of the
/// tooling.
pub fn manifest_value(manifest: &str, section: &str, key: &str) -> Option<String> {
    let header = format!("[{section}]");
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == header;
            continue;
        }
        if !inside {
            continue;
        }
        let Some((k, value)) = line.split_once('=') else {
            continue;
        };
        if k.trim() == key {
            let value = value.trim();
            let value = value.split_once('#').map_or(value, |(v, _)| v).trim();
            return Some(value.trim_matches('"').to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Fixture;

    #[test]
    fn the_root_is_the_nearest_workspace_above() {
        let f = Fixture::new("root");
        f.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
        f.write(
            "crates/a/Cargo.toml",
            "[package]\nname = \"a\"\nedition.workspace = true\n",
        );
        f.write("crates/a/src/lib.rs", "");
        assert_eq!(find_root(&f.path("crates/a/src")).unwrap(), f.root());
        assert_eq!(find_root(f.root()).unwrap(), f.root());
        let outside = Fixture::new("no-root");
        outside.write("Cargo.toml", "[package]\nname = \"lonely\"\n");
        let message = find_root(outside.root()).unwrap_err();
        assert!(
            message.contains("is not inside the course's workspace")
                && message.contains("run the command from the course's checkout"),
            "{message}"
        );
    }

    #[test]
    fn the_package_name_is_the_package_tables() {
        let cases: &[(&str, Option<&str>)] = &[
            ("[package]\nname = \"lesson-a\"\n", Some("lesson-a")),
            ("[package]\nname=\"b\" # the crate\n", Some("b")),
            (
                "[[bin]]\nname = \"scale\"\n[package]\nedition = \"2024\"\nname = \"c\"\n",
                Some("c"),
            ),
            (
                "[package]\nversion = \"1\"\n[dependencies]\nname = \"x\"\n",
                None,
            ),
            ("[workspace]\nmembers = []\n", None),
        ];
        for (manifest, name) in cases {
            assert_eq!(package_name(manifest).as_deref(), *name, "{manifest:?}");
        }
    }

    #[test]
    fn the_walker_skips_hidden_folders_build_output_and_unwanted_files() {
        let f = Fixture::new("walker");
        for path in [
            "crates/a/src/lib.rs",
            "crates/a/src/snapshots/x.snap",
            "crates/a/.hidden/y.rs",
            "crates/a/target/debug/z.rs",
            "book/book/index.rs",
            "book/src/ok.rs",
        ] {
            f.write(path, "x");
        }
        let found: Vec<String> = files(f.root(), &|p| p.extension().is_some_and(|e| e == "rs"))
            .iter()
            .map(|p| crate::rel(f.root(), p))
            .collect();
        assert_eq!(found, ["book/src/ok.rs", "crates/a/src/lib.rs"]);
        assert!(files(&f.root().join("missing"), &|_| true).is_empty());
    }

    #[test]
    fn lessons_are_the_folders_of_crates_but_the_tooling_ones() {
        let f = Fixture::new("lessons");
        for dir in [
            "crates/b-lesson",
            "crates/a-lesson",
            "crates/lesson-kit",
            "crates/.cache",
        ] {
            f.write(&format!("{dir}/Cargo.toml"), "");
        }
        let slugs: Vec<String> = lessons(f.root()).into_iter().map(|l| l.slug).collect();
        assert_eq!(slugs, ["a-lesson", "b-lesson"]);
    }
}
