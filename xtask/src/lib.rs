//! The workspace's own tooling, std only. The book's model (SUMMARY,
//! include expansion, lessons, the walker, `Problem`) is the `book-model`
//! crate, which the book tests' build script uses too; this crate is a
//! leaf that nothing depends on. Its modules:
//!
//! - [`cli`] and [`args`]: the command line (`cargo xtask help`);
//! - [`tidy`]: the tidy checks (`cargo xtask check`, and the tidy test);
//! - [`mdbook`]: the pinned mdBook (`serve`, `book`);
//! - [`new_lesson`]: the `new-lesson` command;
//! - [`python`]: the Python analogues (`python`);
//! - [`browser`]: the book in headless Chromium (`browser-check`);
//! - [`playground`]: the Play buttons, compiled with the Playground's crates (`playground`);
//! - [`mod@bench`]: the benchmarks (`bench`);
//! - [`exercises`]: the reader's exercises (`exercises`, `exercise`).

pub mod args;
pub mod bench;
pub mod browser;
pub mod cli;
pub mod exercises;
pub mod mdbook;
pub mod new_lesson;
pub mod playground;
pub mod python;
pub mod tidy;

/// The book's model; `xtask::book` is `book_model::book`.
pub use book_model::book;
pub use book_model::{Lesson, Problem, TOOLING_CRATES, lessons};

use std::path::PathBuf;

/// The checkout this command runs in: the workspace around the current
/// directory (`cargo xtask` runs where it is typed; cargo runs xtask's tests
/// in `xtask/`). Never a path compiled in, since cargo reuses a compiled
/// xtask across checkouts that share a target folder.
pub fn workspace_root() -> Result<PathBuf, String> {
    book_model::current_root()
}
