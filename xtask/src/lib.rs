//! The workspace's own tooling, std only: the book's structure and include
//! expansion ([`book`]), the tidy checks ([`tidy`]), the Python check
//! ([`python`]), the pinned mdBook ([`mdbook`]) and `new-lesson`
//! ([`new_lesson`]). The `xtask` binary is their command line; the book
//! tests and the tidy test use the same code.

pub mod bench;
pub mod book;
pub mod browser;
pub mod mdbook;
pub mod new_lesson;
pub mod playground;
pub mod python;
pub mod tidy;

use std::path::{Path, PathBuf};

/// The workspace root (the folder above `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the workspace root")
        .to_path_buf()
}

/// The crates under `crates/` that are not lessons: the kit every lesson
/// uses, the book's tests, and the template `new-lesson` copies. Every other
/// folder there is a lesson.
pub const TOOLING_CRATES: &[&str] = &["book-model", "book-tests", "lesson-kit", "lesson-template"];

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
