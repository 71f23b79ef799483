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

/// A lesson crate: `crates/NN-slug`, package `lesson-NN-slug`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub number: u32,
    pub slug: String,
    pub dir: PathBuf,
}

impl Lesson {
    /// `01-sync-vs-async`: the folder's, the chapter's and (after
    /// `lesson-`) the package's name.
    pub fn id(&self) -> String {
        format!("{:02}-{}", self.number, self.slug)
    }

    pub fn package(&self) -> String {
        format!("lesson-{}", self.id())
    }

    /// `book/src/NN-slug.md`, relative to the workspace root.
    pub fn chapter(&self) -> String {
        format!("book/src/{}.md", self.id())
    }
}

/// Splits `NN-slug` into its number and slug.
pub fn parse_lesson_dir(name: &str) -> Option<(u32, &str)> {
    let (number, slug) = name.split_once('-')?;
    if number.len() != 2 || !number.bytes().all(|b| b.is_ascii_digit()) || slug.is_empty() {
        return None;
    }
    Some((number.parse().ok()?, slug))
}

/// Every lesson crate under `crates/`, by number.
pub fn lessons(root: &Path) -> Vec<Lesson> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("crates")) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if let Some((number, slug)) = parse_lesson_dir(&name)
                && entry.path().is_dir()
            {
                found.push(Lesson {
                    number,
                    slug: slug.to_string(),
                    dir: entry.path(),
                });
            }
        }
    }
    found.sort_by(|a, b| (a.number, &a.slug).cmp(&(b.number, &b.slug)));
    found
}
