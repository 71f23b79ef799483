//! Expands every chapter listed in `book/src/SUMMARY.md` the way mdBook
//! does (`xtask::book::expand`) and writes a module per chapter whose
//! documentation is the expanded chapter, so that `cargo test` runs every
//! Rust block of the book as a doctest. A chapter that cannot be expanded
//! (a missing file or anchor) becomes a `compile_error!` naming the fix.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = xtask::workspace_root();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let book_src = root.join("book/src");
    println!("cargo:rerun-if-changed={}", book_src.display());

    let mut modules = String::new();
    let entries = match xtask::book::summary(&root) {
        Ok(entries) => entries,
        Err(problem) => {
            let _ = writeln!(modules, "compile_error!({:?});", problem.to_string());
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
            let _ = writeln!(modules, "compile_error!({message:?});");
            continue;
        };
        for d in xtask::book::directives(&text) {
            let target = xtask::book::target_path(&chapter, &d);
            println!("cargo:rerun-if-changed={}", target.display());
        }
        let module = entry
            .file
            .trim_end_matches(".md")
            .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
        match xtask::book::expand(&root, &chapter, &text) {
            Ok(expanded) => {
                let file = out.join(&entry.file);
                std::fs::create_dir_all(file.parent().expect("a chapter has a folder"))
                    .expect("OUT_DIR is writable");
                std::fs::write(&file, expanded).expect("OUT_DIR is writable");
                let _ = writeln!(
                    modules,
                    "#[doc = include_str!({:?})]\npub mod chapter_{module} {{}}",
                    file.display().to_string()
                );
            }
            Err(problems) => {
                for p in problems {
                    let _ = writeln!(modules, "compile_error!({:?});", p.to_string());
                }
            }
        }
    }
    std::fs::write(out.join("chapters.rs"), modules).expect("OUT_DIR is writable");
}
