//! `cargo xtask python [--bless]`: runs every lesson's Python analogue
//! (`crates/*/python/*.py`) with `python3`, all at once (their sleeps are
//! real), and checks that each prints exactly its `.out` file, which the
//! chapter shows and the lesson's snapshot test compares with the Rust.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::book::rel;

/// The Python programs of every lesson, sorted: `python/*.py`, not its
/// subfolders (a lesson may keep other Python there, such as its
/// benchmark's harness in `python/bench/`, which takes arguments).
pub fn programs(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for lesson in crate::lessons(root) {
        let dir = lesson.dir.join("python");
        found.extend(book_model::files(&dir, &|p| {
            p.extension().is_some_and(|e| e == "py") && p.parent() == Some(dir.as_path())
        }));
    }
    found.sort();
    found
}

/// Returns the number of programs that differ from their `.out` (or that
/// failed to run); with `bless`, rewrites the `.out` files instead.
pub fn run(root: &Path, bless: bool) -> Result<usize, String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    if Command::new(&python).arg("--version").output().is_err() {
        return Err(format!(
            "`{python}` was not found, so the Python analogues cannot be checked. Install Python 3 (or set PYTHON to its path) and run `cargo xtask python` again."
        ));
    }
    let programs = programs(root);
    let started = std::time::Instant::now();
    let run_one = |py: &Path| {
        Command::new(&python)
            .arg("-I")
            .arg(py.file_name().expect("a .py file has a name"))
            .current_dir(py.parent().expect("a .py file has a folder"))
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONUNBUFFERED", "1")
            .output()
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = programs
            .iter()
            .map(|py| {
                let run_one = &run_one;
                scope.spawn(move || run_one(py))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a python runner thread panicked"))
            .collect()
    });
    let mut bad = 0;
    for (py, result) in programs.iter().zip(results) {
        let out_path = py.with_extension("out");
        let name = rel(root, py);
        let output = match result {
            Ok(o) if o.status.success() => o,
            Ok(o) => {
                bad += 1;
                println!(
                    "FAIL {name}: python3 exited with {}:\n{}",
                    o.status,
                    String::from_utf8_lossy(&o.stderr)
                );
                continue;
            }
            Err(e) => {
                bad += 1;
                println!("FAIL {name}: could not start python3: {e}");
                continue;
            }
        };
        let mut printed = String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n");
        let expected = std::fs::read_to_string(&out_path).unwrap_or_default();
        // The analogues run on real time, all at once: on a busy machine a
        // late timer can swap two lines. One that differs runs again,
        // alone, before it counts as a difference (and says so).
        let mut alone = false;
        if printed != expected
            && !bless
            && let Ok(again) = run_one(py)
        {
            alone = true;
            printed = String::from_utf8_lossy(&again.stdout).replace("\r\n", "\n");
        }
        if printed == expected {
            if alone {
                println!(
                    "ok   {name} (on a second run, alone: run beside the others, it printed something else)"
                );
            } else {
                println!("ok   {name}");
            }
        } else if bless {
            std::fs::write(&out_path, &printed)
                .map_err(|e| format!("cannot write {}: {e}", rel(root, &out_path)))?;
            println!("wrote {}", rel(root, &out_path));
        } else {
            bad += 1;
            println!(
                "FAIL {name} printed something else than {}:\n--- expected\n{expected}--- printed\n{printed}---\nIf the new output is right, run `cargo xtask python --bless`, then `cargo test` to compare it with the Rust.",
                rel(root, &out_path)
            );
        }
    }
    println!(
        "{} passed, {} failed ({} Python programs, {:.1}s)",
        programs.len() - bad,
        bad,
        programs.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use book_model::fixture::Fixture;

    #[test]
    fn analogues_are_the_python_files_directly_in_python() {
        let f = Fixture::new("python");
        f.write(
            "crates/downloads/Cargo.toml",
            "[package]\nname = \"lesson-downloads\"\n",
        );
        f.write("crates/downloads/python/fetch.py", "print('fetched')\n");
        f.write(
            "crates/downloads/python/bench/harness.py",
            "import sys; sys.argv[1]\n",
        );
        let found: Vec<String> = super::programs(f.root())
            .iter()
            .map(|p| book_model::rel(f.root(), p))
            .collect();
        assert_eq!(found, ["crates/downloads/python/fetch.py"]);
    }
}
