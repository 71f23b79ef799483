//! `cargo xtask bench <name> [args…]`: runs a lesson's benchmark. The
//! benchmark lives in its lesson, as the binary `bench` (`src/bin/bench.rs`
//! or `src/bin/bench/main.rs`); this is only a shorter way to type
//! `cargo run --release -p <package> --bin bench -- args…`.
//!
//! `<name>` is the lesson's folder under `crates/`, or the name its
//! Cargo.toml gives the benchmark:
//!
//! ```toml
//! [package.metadata.bench]
//! name = "…"
//! ```
//!
//! xtask knows no lesson and no benchmark: it finds them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A crate under `crates/` with a `bench` binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bench {
    /// The folder under `crates/`.
    pub dir_name: String,
    /// The package, for `cargo run -p`.
    pub package: String,
    /// `[package.metadata.bench] name`, if the crate declares one.
    pub name: Option<String>,
}

impl Bench {
    /// Whether `cargo xtask bench <name>` means this benchmark.
    pub fn answers_to(&self, name: &str) -> bool {
        self.name.as_deref() == Some(name) || self.dir_name == name
    }

    /// The names it answers to, for messages: `name (crates/dir)`.
    fn describe(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} (crates/{})", self.dir_name),
            None => self.dir_name.clone(),
        }
    }
}

/// Every crate under `crates/` with a `bench` binary, by folder name.
pub fn benches(root: &Path) -> Vec<Bench> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(root.join("crates")) else {
        return found;
    };
    for entry in entries.flatten() {
        let dir: PathBuf = entry.path();
        let bin = dir.join("src/bin");
        if !bin.join("bench.rs").is_file() && !bin.join("bench/main.rs").is_file() {
            continue;
        }
        let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let Some(package) = book_model::manifest_value(&manifest, "package", "name") else {
            continue;
        };
        found.push(Bench {
            dir_name: entry.file_name().to_string_lossy().into_owned(),
            package,
            name: book_model::manifest_value(&manifest, "package.metadata.bench", "name"),
        });
    }
    found.sort_by(|a, b| a.dir_name.cmp(&b.dir_name));
    found
}

/// The benchmarks, for an error message.
fn listing(benches: &[Bench]) -> String {
    if benches.is_empty() {
        return "no crate under crates/ has a src/bin/bench.rs".into();
    }
    let names: Vec<String> = benches.iter().map(Bench::describe).collect();
    format!("the benchmarks are: {}", names.join(", "))
}

/// The command `cargo xtask bench` runs for `bench`.
pub fn command(bench: &Bench, args: &[String]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args([
            "run",
            "--release",
            "-p",
            &bench.package,
            "--bin",
            "bench",
            "--",
        ])
        .args(args);
    command
}

/// `cargo xtask bench <args>`.
pub fn main(root: &Path, args: &[String]) -> Result<(), String> {
    let benches = benches(root);
    let Some(name) = args.first() else {
        return Err(format!(
            "usage: cargo xtask bench <name> [args…]; {}",
            listing(&benches)
        ));
    };
    let Some(bench) = benches.iter().find(|b| b.answers_to(name)) else {
        return Err(format!(
            "there is no benchmark {name:?}; {}",
            listing(&benches)
        ));
    };
    let mut command = command(bench, &args[1..]);
    println!(
        "bench {name}: cargo run --release -p {} --bin bench -- {}",
        bench.package,
        args[1..].join(" ")
    );
    let status = command
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the benchmark {name:?} failed ({status})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workspace with three crates: two benchmarks (one named in its
    /// Cargo.toml, one a `bench/main.rs`) and one crate without.
    fn fixture(tag: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!(
            "xtask-bench-{tag}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&root);
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "crates/demo-lesson/Cargo.toml",
            "[package]\nname = \"lesson-demo-lesson\"\nversion = \"0.1.0\"\n\n\
             [dependencies]\nname = { path = \"x\" }\n\n\
             [package.metadata.bench]\nname = \"speed\"\n",
        );
        write("crates/demo-lesson/src/bin/bench.rs", "fn main() {}\n");
        write(
            "crates/other/Cargo.toml",
            "[package]\nname = \"lesson-other\"\n",
        );
        write("crates/other/src/bin/bench/main.rs", "fn main() {}\n");
        write(
            "crates/plain/Cargo.toml",
            "[package]\nname = \"lesson-plain\"\n",
        );
        write("crates/plain/src/main.rs", "fn main() {}\n");
        root
    }

    #[test]
    fn benchmarks_are_found_by_their_bench_binary() {
        let root = fixture("found");
        let found = benches(&root);
        assert_eq!(
            found,
            [
                Bench {
                    dir_name: "demo-lesson".into(),
                    package: "lesson-demo-lesson".into(),
                    name: Some("speed".into()),
                },
                Bench {
                    dir_name: "other".into(),
                    package: "lesson-other".into(),
                    name: None,
                },
            ]
        );
        assert!(found[0].answers_to("speed") && found[0].answers_to("demo-lesson"));
        assert!(!found[0].answers_to("other") && found[1].answers_to("other"));
        let args: Vec<String> = vec!["--quick".into()];
        let run = command(&found[0], &args);
        let run: Vec<_> = run.get_args().map(|a| a.to_string_lossy()).collect();
        assert_eq!(
            run,
            [
                "run",
                "--release",
                "-p",
                "lesson-demo-lesson",
                "--bin",
                "bench",
                "--",
                "--quick"
            ]
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn an_unknown_benchmark_is_an_error_that_lists_them() {
        let root = fixture("unknown");
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let error = main(&root, &args(&["plain", "--quick"])).unwrap_err();
        assert!(error.contains("no benchmark \"plain\""), "{error}");
        assert!(
            error.contains("speed (crates/demo-lesson), other"),
            "{error}"
        );
        let error = main(&root, &[]).unwrap_err();
        assert!(
            error.starts_with("usage: cargo xtask bench <name>"),
            "{error}"
        );
        std::fs::remove_dir_all(&root).unwrap();
        let error = main(&root, &args(&["speed"])).unwrap_err();
        assert!(error.contains("no crate under crates/"), "{error}");
    }

    #[test]
    fn the_workspace_benchmarks_have_distinct_names() {
        let found = benches(&crate::workspace_root().expect("the tests run inside the workspace"));
        let mut names: Vec<&str> = found
            .iter()
            .flat_map(|b| {
                let own = b.name.as_deref().filter(|&n| n != b.dir_name);
                [Some(b.dir_name.as_str()), own]
            })
            .flatten()
            .collect();
        names.sort();
        let all = names.len();
        names.dedup();
        assert_eq!(
            all,
            names.len(),
            "two benchmarks answer to one name: {found:?}"
        );
        for bench in &found {
            assert!(bench.package.starts_with("lesson-"), "{bench:?}");
        }
    }
}
