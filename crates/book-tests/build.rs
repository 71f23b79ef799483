//! Expands every chapter listed in `book/src/SUMMARY.md` the way mdBook
//! does (`book_model::book::expand`; CI checks that mdBook agrees) and turns
//! every Rust block of the book into a test:
//!
//! - a block that must compile and run becomes a module of this crate's
//!   unit tests, with its hidden `# ` lines, wrapped in a function the way
//!   rustdoc wraps a doctest that has no `fn main`, and a `#[test]` that
//!   runs it (in `lesson_kit::panics::expect_panic` for `should_panic` blocks). Generated once
//!   per change of the book, these cost nothing on a warm `cargo test`,
//!   where rustdoc would compile them all again on every run (measured:
//!   3 s per run for 64 blocks, against a 3 s budget for the whole suite);
//! - a lesson's whole program (its hidden `#[cfg_attr(test,
//!   lesson_kit::main)]` says so) is left to its lesson's snapshot test,
//!   which runs it on the paused clock, and to `cargo xtask playground`;
//! - a `compile_fail` block becomes a unit test that compiles it as rustdoc
//!   would (an edition 2024 binary, wrapped in `fn main` if it has none,
//!   with tokio, futures and tokio-util) and checks that rustc refuses it,
//!   with its error code if the block gives one:
//!   `lesson_kit::rustc::compile_fail`, cached on the block, the crates and
//!   the compiler, so a warm run compiles nothing (as a doctest, rustdoc
//!   would compile it again on every `cargo test`).
//!
//! A chapter that cannot be expanded (a missing file or anchor) becomes a
//! `compile_error!` that names the file and the fix.
//!
//! The book is the one of the checkout cargo runs this script in (found from
//! the current directory, which cargo sets to this package's folder), never
//! a path compiled in: cargo reuses a compiled build script across
//! checkouts that share a target folder. For the same reason the
//! `rerun-if-changed` paths are relative (cargo resolves them from the
//! package's folder in the checkout it runs in), and the script records the
//! book's [`book_model::book::digest`], which a test compares with the book
//! it runs beside.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// rustdoc's hidden lines: `# code` and `#` are compiled but not shown;
/// `##x` stands for `#x`.
fn unhide(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let shown = if trimmed == "#" {
            String::new()
        } else if let Some(rest) = trimmed.strip_prefix("# ") {
            format!("{indent}{rest}")
        } else if let Some(rest) = trimmed.strip_prefix("##") {
            format!("{indent}#{rest}")
        } else {
            line.to_string()
        };
        out.push_str(&shown);
        out.push('\n');
    }
    out
}

/// Whether the code has a top-level `fn main`, as rustdoc looks for one.
fn has_main(code: &str) -> bool {
    code.lines().any(|l| {
        ["fn main(", "async fn main(", "pub fn main("]
            .iter()
            .any(|p| l.starts_with(p))
    })
}

/// One chapter's Rust blocks, as unit tests.
fn chapter_tests(out: &Path, chapter: &str, expanded: &str, tests: &mut String) {
    let module = chapter
        .trim_end_matches(".md")
        .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    for block in book_model::book::code_blocks(expanded) {
        let words: Vec<&str> = block.info.split([',', ' ']).collect();
        if words.first() != Some(&"rust") {
            continue;
        }
        if words.contains(&"compile_fail") {
            let code = unhide(&block.body);
            let source = if has_main(&code) {
                format!("#![allow(unused)]\n{code}")
            } else {
                format!("#![allow(unused)]\nfn main() {{\n{code}}}\n")
            };
            let error_code = words
                .iter()
                .find(|w| {
                    w.len() == 5 && w.starts_with('E') && w[1..].bytes().all(|b| b.is_ascii_digit())
                })
                .map_or_else(|| "None".to_string(), |c| format!("Some({c:?})"));
            let file = out
                .join("book/src")
                .join(format!("{chapter}.line-{}.compile_fail.rs", block.line));
            std::fs::create_dir_all(file.parent().expect("a block file has a folder"))
                .expect("OUT_DIR is writable");
            std::fs::write(&file, source).expect("OUT_DIR is writable");
            let _ = write!(
                tests,
                "#[test]\nfn chapter_{module}_line_{line}_does_not_compile() {{\n    lesson_kit::rustc::compile_fail({place:?}, {line}, include_str!({file:?}), {error_code});\n}}\n",
                line = block.line,
                place = format!("book/src/{chapter}"),
                file = file.display().to_string(),
            );
            continue;
        }
        let code = unhide(&block.body);
        if code
            .lines()
            .any(|l| l.trim() == "#[cfg_attr(test, lesson_kit::main)]")
        {
            // A lesson's whole program: its lesson's snapshot test runs it
            // on the paused clock, and `cargo xtask playground` compiles and
            // runs it as the Play button sends it. Running it here would
            // take its real seconds.
            let _ = writeln!(
                tests,
                "// book/src/{chapter}, line {}: a lesson program, tested by its lesson.",
                block.line
            );
            continue;
        }
        let (items, call) = if has_main(&code) {
            (code, "main();")
        } else {
            (format!("pub fn block() {{\n{code}}}\n"), "block();")
        };
        // A `should_panic` block runs in `expect_panic`, which fails the
        // test if it returns, and prints the panic as one line (the default
        // hook's backtrace under RUST_BACKTRACE=1 is slow).
        let call = if words.contains(&"should_panic") {
            format!("let _ = ::lesson_kit::panics::expect_panic(|| {{ {call} }});")
        } else {
            call.to_owned()
        };
        // Each block in a file named after its chapter and line, so that a
        // compiler error names them: `.../out/book/src/01-x.md.line-40.rs`.
        let file = out
            .join("book/src")
            .join(format!("{chapter}.line-{}.rs", block.line));
        std::fs::create_dir_all(file.parent().expect("a block file has a folder"))
            .expect("OUT_DIR is writable");
        let source = format!(
            "// book/src/{chapter}: the Rust block at line {line} of the expanded chapter.\n\
             {items}\n#[test]\nfn runs() {{\n    {call}\n}}\n",
            line = block.line,
        );
        std::fs::write(&file, source).expect("OUT_DIR is writable");
        let _ = write!(
            tests,
            "#[allow(unused, clippy::all)]\n#[path = {:?}]\nmod chapter_{module}_line_{};\n",
            file.display().to_string(),
            block.line,
        );
    }
}

/// `cargo:rerun-if-changed` for `path` (in the workspace), relative to this
/// package's folder, `crates/book-tests`, so that cargo checks the files of
/// the checkout it runs in. A path outside the workspace is not watched: the
/// expansion refuses it.
fn rerun_if_changed(root: &Path, path: &Path) {
    let path = book_model::book::normalize(path);
    if let Ok(inside) = path.strip_prefix(root) {
        println!("cargo:rerun-if-changed=../../{}", inside.display());
    }
}

fn main() {
    let root = match book_model::current_root() {
        Ok(root) => root,
        Err(message) => panic!("{message}"),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let book_src = root.join("book/src");
    rerun_if_changed(&root, &book_src);

    let mut tests = String::new();
    let entries = match book_model::book::summary(&root) {
        Ok(entries) => entries,
        Err(problem) => {
            let _ = writeln!(tests, "compile_error!({:?});", problem.to_string());
            Vec::new()
        }
    };
    for entry in entries {
        let chapter = book_src.join(&entry.file);
        let Ok(text) = std::fs::read_to_string(&chapter) else {
            let message = format!(
                "book/src/SUMMARY.md:{}: lists {}, which does not exist; create it or remove the entry.",
                entry.line, entry.file
            );
            let _ = writeln!(tests, "compile_error!({message:?});");
            continue;
        };
        for d in book_model::book::directives(&text) {
            rerun_if_changed(&root, &book_model::book::target_path(&chapter, &d));
        }
        match book_model::book::expand(&root, &chapter, &text) {
            Ok(expanded) => chapter_tests(&out, &entry.file, &expanded, &mut tests),
            Err(problems) => {
                for p in problems {
                    let _ = writeln!(tests, "compile_error!({:?});", p.to_string());
                }
            }
        }
    }
    let _ = writeln!(
        tests,
        "/// The book these tests were generated from: `book_model::book::digest`, and its checkout.\npub const BOOK_DIGEST: u64 = {};\npub const GENERATED_IN: &str = {:?};",
        book_model::book::digest(&root),
        root.display().to_string()
    );
    std::fs::write(out.join("blocks.rs"), tests).expect("OUT_DIR is writable");
}
