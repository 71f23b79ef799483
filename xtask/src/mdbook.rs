//! The pinned mdBook: found or installed, then used to serve or build the
//! book. `cargo xtask book` also checks that mdBook expands every chapter
//! exactly as [`crate::book::expand`] does (which the book tests rely on).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::book::rel;

/// The mdBook version this book is written and tested for.
pub const VERSION: &str = "0.5.4";

/// What a command needs mdBook for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// `mdbook serve`: the full build, with its web server and file watcher.
    Serve,
    /// `mdbook build` only.
    Build,
}

/// True when `CI` is set as CI services set it (insta reads it the same way).
pub fn on_ci() -> bool {
    is_ci(std::env::var("CI").ok().as_deref())
}

fn is_ci(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Returns a path to mdBook `VERSION`: `mdbook` on the PATH if it is that
/// version, else the copy in `target/tools`, installed there with
/// `cargo install --locked` the first time (about 2 minutes on 2 cores,
/// with cargo's progress shown).
///
/// On CI, a command that only builds installs mdBook without its `serve`
/// and `watch` features into `target/tools/build-only` (80 s instead of
/// 128 s on 2 cores, measured 2026-12-05): CI never serves, and a reader's
/// `cargo xtask serve` never picks that copy.
pub fn ensure(root: &Path, need: Need) -> Result<PathBuf, String> {
    let wanted = format!("mdbook v{VERSION}");
    let version_of = |bin: &Path| {
        Command::new(bin)
            .arg("--version")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    if version_of(Path::new("mdbook")).as_deref() == Some(wanted.as_str()) {
        return Ok(PathBuf::from("mdbook"));
    }
    let full = root.join("target/tools");
    let build_only = root.join("target/tools/build-only");
    if version_of(&full.join("bin/mdbook")).as_deref() == Some(wanted.as_str()) {
        return Ok(full.join("bin/mdbook"));
    }
    if need == Need::Build
        && version_of(&build_only.join("bin/mdbook")).as_deref() == Some(wanted.as_str())
    {
        return Ok(build_only.join("bin/mdbook"));
    }
    let slim = need == Need::Build && on_ci();
    let (tools, features): (&Path, &[&str]) = if slim {
        (
            &build_only,
            &["--no-default-features", "--features", "search"],
        )
    } else {
        (&full, &[])
    };
    writable(tools)?;
    if slim {
        eprintln!(
            "Installing mdBook {VERSION} without its server into target/tools/build-only: CI only builds the book (about 80 s on 2 cores; cargo's progress follows)."
        );
    } else {
        eprintln!(
            "Installing mdBook {VERSION} into target/tools: this happens once and compiles mdBook with cargo (about 2 minutes on 2 cores; cargo's progress follows)."
        );
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["install", "--locked", "mdbook", "--version", VERSION])
        .args(features)
        .arg("--root")
        .arg(tools)
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if !status.success() {
        return Err(format!(
            "`cargo install --locked mdbook --version {VERSION}` failed (its output is above). Without a network connection to crates.io it cannot download mdBook: connect and run the command again, or install mdBook {VERSION} yourself and put it on your PATH (`mdbook --version` must print `mdbook v{VERSION}`)."
        ));
    }
    Ok(tools.join("bin/mdbook"))
}

/// Fails with a fix if `dir` cannot be created or written (a read-only
/// checkout, a full disk), before cargo spends minutes finding out.
pub fn writable(dir: &Path) -> Result<(), String> {
    let probe = dir.join(".xtask-write-probe");
    let result = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&probe, b"probe"))
        .and_then(|()| std::fs::remove_file(&probe));
    result.map_err(|e| {
        format!(
            "cannot write to {} ({e}), where the pinned mdBook is installed: the disk is full or the folder is read-only. Free some space, or make the checkout writable, and run the command again.",
            dir.display()
        )
    })
}

/// Fails with a fix if something already listens on `port` on this
/// machine, before mdBook panics on it; suggests the next free port.
pub fn port_is_free(port: u16) -> Result<(), String> {
    match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(_) => Ok(()),
        Err(e) => {
            let free = (port.saturating_add(1)..=port.saturating_add(20))
                .find(|&p| std::net::TcpListener::bind(("127.0.0.1", p)).is_ok());
            let suggestion = match free {
                Some(p) => format!("run `cargo xtask serve --port {p}` ({p} is free)"),
                None => "run `cargo xtask serve --port N` with a free port N".to_string(),
            };
            Err(format!(
                "port {port} is in use ({e}), perhaps by another `cargo xtask serve` or `mdbook serve`: stop it, or {suggestion}."
            ))
        }
    }
}

/// `cargo xtask serve`: serves the book on http://localhost:`port` and
/// rebuilds it when a chapter or a lesson crate changes; with `open`,
/// mdBook opens it in the default browser.
pub fn serve(root: &Path, port: u16, open: bool) -> Result<(), String> {
    port_is_free(port)?;
    let mdbook = ensure(root, Need::Serve)?;
    println!("Serving the book on http://localhost:{port} (Ctrl-C stops it).");
    let port = port.to_string();
    let mut command = Command::new(mdbook);
    command.args(["serve", "--hostname", "127.0.0.1", "--port", &port]);
    if open {
        command.arg("--open");
    }
    let status = command
        .current_dir(root.join("book"))
        .status()
        .map_err(|e| format!("cannot start mdbook: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("mdbook serve exited with {status}"))
    }
}

/// `cargo xtask book`: builds the HTML book and fails on any warning or
/// error mdBook prints; then builds it again with mdBook's markdown
/// renderer and checks each expanded chapter against ours.
pub fn build(root: &Path) -> Result<(), String> {
    let mdbook = ensure(root, Need::Build)?;
    let book = root.join("book");
    let output = Command::new(&mdbook)
        .arg("build")
        .current_dir(&book)
        .output()
        .map_err(|e| format!("cannot start mdbook: {e}"))?;
    let log = String::from_utf8_lossy(&output.stderr);
    print!("{log}");
    if !output.status.success() || log.contains("WARN") || log.contains("ERROR") {
        return Err(
            "mdbook build printed warnings or errors (above); the book must build cleanly.".into(),
        );
    }
    let markdown = root.join("target/book-markdown");
    let _ = std::fs::remove_dir_all(&markdown);
    let output = Command::new(&mdbook)
        .args(["build", "--dest-dir"])
        .arg(&markdown)
        .env("MDBOOK_OUTPUT__MARKDOWN", "{}")
        .current_dir(&book)
        .output()
        .map_err(|e| format!("cannot start mdbook: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "mdbook build with the markdown renderer failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let summary = crate::book::summary(root).map_err(|p| p.to_string())?;
    let mut compared = 0;
    for entry in &summary {
        let chapter = root.join("book/src").join(&entry.file);
        let ours = std::fs::read_to_string(&chapter)
            .map_err(|e| format!("{}: {e}", rel(root, &chapter)))
            .and_then(|text| {
                crate::book::expand(root, &chapter, &text).map_err(|problems| {
                    problems
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
            })?;
        let theirs_path = markdown.join("markdown").join(&entry.file);
        let theirs = std::fs::read_to_string(&theirs_path).map_err(|e| {
            format!(
                "mdBook wrote no {} ({e}); is the markdown renderer enabled?",
                rel(root, &theirs_path)
            )
        })?;
        if ours.trim_end() != theirs.trim_end() {
            let line = ours
                .lines()
                .zip(theirs.lines())
                .position(|(a, b)| a != b)
                .map_or(ours.lines().count().min(theirs.lines().count()) + 1, |p| {
                    p + 1
                });
            return Err(format!(
                "book/src/{}: mdBook expands this chapter differently from `xtask::book::expand` (first difference at line {line}); the book tests would test other code than readers see. Fix crates/book-model/src/book.rs.",
                entry.file
            ));
        }
        compared += 1;
    }
    println!(
        "mdbook build: no warnings; {compared} chapters expanded identically by mdBook and by the book tests."
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_ci_value_of_ci_counts_as_ci() {
        for (value, ci) in [
            (None, false),
            (Some(""), false),
            (Some("false"), false),
            (Some("0"), false),
            (Some("true"), true),
            (Some("1"), true),
        ] {
            assert_eq!(is_ci(value), ci, "CI={value:?}");
        }
    }

    #[test]
    fn a_port_in_use_is_refused_with_a_free_one_to_try() {
        let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = taken.local_addr().unwrap().port();
        let message = port_is_free(port).unwrap_err();
        assert!(
            message.starts_with(&format!("port {port} is in use")),
            "{message}"
        );
        assert!(message.contains("cargo xtask serve --port "), "{message}");
        drop(taken);
        assert_eq!(port_is_free(port), Ok(()));
    }

    #[test]
    fn an_unwritable_tools_folder_is_refused_with_the_fix() {
        // A file where the folder should be stands in for a read-only or
        // full disk: creating the folder fails the same way.
        let file = std::env::temp_dir().join(format!("xtask-not-a-dir-{}", std::process::id()));
        std::fs::write(&file, "x").unwrap();
        let message = writable(&file.join("tools")).unwrap_err();
        std::fs::remove_file(&file).unwrap();
        assert!(
            message.contains("the disk is full or the folder is read-only"),
            "{message}"
        );
        assert!(message.contains("run the command again"), "{message}");
    }
}
