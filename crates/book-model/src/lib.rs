//! The book's model, std only, shared by the `xtask` commands and tidy
//! checks and by the book tests' build script, so that both read the book
//! the same way and neither depends on the other:
//!
//! - [`book`]: `SUMMARY.md`, the chapters' `{{#include}}` and
//!   `{{#rustdoc_include}}` directives and their expansion, code blocks;
//! - [`workspace`]: the workspace root, found at run time from the current
//!   directory; the lessons; the one directory walker; the one
//!   `Cargo.toml` package-name reader;
//! - [`Problem`]: a finding with the file it is in and how to fix it;
//! - [`fixture`]: a throw-away workspace in a temporary folder, for tests
//!   (here and in xtask).

use std::fmt;
use std::path::Path;

pub mod book;
pub mod fixture;
pub mod workspace;

pub use workspace::{
    Lesson, TOOLING_CRATES, current_root, files, find_root, lessons, manifest_value, package_name,
};

/// A problem in the workspace, with the file it is in and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, relative to the workspace root, with `:line` when known.
    pub place: String,
    /// What is wrong and what fixes it, in plain sentences.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

pub fn problem(place: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        place: place.into(),
        message: message.into(),
    }
}

/// A path relative to the workspace root, for messages.
pub fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
