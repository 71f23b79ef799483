//! A million tasks.
//!
//! N requests that each wait 1 s, then joined, written several ways:
//! `tokio::spawn` on a `current_thread` runtime (`spawn`) and on a
//! `multi_thread` one (`spawn-multi-thread`); one future that joins them
//! all without tasks (`join-all`), which is quadratic on `current_thread`
//! unless taken off tokio's cooperative budget (`join-all-unconstrained`)
//! or run by a `multi_thread` runtime's `block_on`
//! (`join-all-multi-thread`); `join-all-polls` counts the polls it wastes;
//! and one OS thread per request (`threads`).
//!
//! The snapshots run a thousand requests. The benchmark
//! (`src/bin/bench/`: `cargo run --release -p lesson-a-million-tasks
//! --bin bench`, or `cargo xtask bench scale`) runs each variant with up to
//! a million, on real time, through the `scale` binary
//! (`src/bin/scale.rs`), and writes `results/`.
//!
//! Run it: `cargo run -p lesson-a-million-tasks` (the programs, as the
//! snapshots run them), or one variant at full size:
//! `cargo run --release -p lesson-a-million-tasks --bin scale -- spawn 1000000`.

use std::time::Duration;

use lesson_kit::Program;

mod exercises;
pub mod join_all;
pub mod join_all_multi_thread;
mod join_all_polls;
pub mod join_all_unconstrained;
pub mod spawn;
pub mod spawn_multi_thread;
pub mod threads;

/// What every request of the benchmark waits for.
pub const WAIT: Duration = Duration::from_secs(1);

/// The programs of this lesson, in the order `cargo run` shows them.
#[lesson_kit::programs]
pub fn programs() -> Vec<Program> {
    vec![
        Program::new(
            "spawn",
            "1000 tokio::spawn on current_thread",
            spawn::program,
        ),
        Program::new(
            "join-all",
            "join_all of 1000 futures on current_thread",
            join_all::program,
        ),
        Program::new(
            "join-all-polls",
            "the polls join_all wastes: 10,000 and 20,000 futures",
            join_all_polls::program,
        ),
        Program::new(
            "join-all-unconstrained",
            "unconstrained(join_all(..)) on current_thread",
            join_all_unconstrained::program,
        ),
        Program::new(
            "spawn-multi-thread",
            "1000 tokio::spawn on multi_thread (1 ms real waits)",
            spawn_multi_thread::program,
        ),
        Program::new(
            "join-all-multi-thread",
            "join_all in a multi_thread block_on (1 ms real waits)",
            join_all_multi_thread::program,
        ),
        Program::new(
            "threads",
            "100 OS threads (1 ms real waits)",
            threads::program,
        ),
        // The exercises at the end of the chapter.
        Program::predict(
            "packing-budget",
            "200 ready recv()s, and a monitor task",
            exercises::packing_budget::program,
        ),
        Program::fix(
            "busy-importer",
            "500 rows of 1 ms from a ready stream, beside a heartbeat",
            exercises::busy_importer::program,
            exercises::busy_importer_solution::program,
            exercises::busy_importer,
        ),
    ]
}

/// One row group of the benchmark (`src/bin/bench/`), which runs each in
/// a child process: the Rust ones through `src/bin/scale.rs`, `asyncio` as
/// `python/spawn.py` (imported by `python/bench/bench_requests.py`).
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// The name `scale` takes (`scale spawn 1000000`).
    pub name: &'static str,
    /// Its row label in `results/scale.md`.
    pub label: &'static str,
    /// The numbers of requests of a full run.
    pub ns: &'static [usize],
    /// The numbers of requests of `--quick`.
    pub quick_ns: &'static [usize],
    /// Seconds after which the benchmark stops a run and reports `> limit`.
    pub limit_s: u64,
}

const TASK_NS: &[usize] = &[10_000, 100_000, 1_000_000];
const TASK_QUICK_NS: &[usize] = &[1_000, 10_000];

/// Every variant the benchmark measures, in the order of its table.
pub const VARIANTS: &[Variant] = &[
    Variant {
        name: "spawn",
        label: "tokio::spawn, current_thread",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 60,
    },
    Variant {
        name: "spawn-multi-thread",
        label: "tokio::spawn, multi_thread",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 60,
    },
    Variant {
        name: "join-all",
        label: "join_all, current_thread",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 15,
    },
    Variant {
        name: "join-all-unconstrained",
        label: "unconstrained(join_all), current_thread",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 60,
    },
    Variant {
        name: "join-all-multi-thread",
        label: "join_all, multi_thread block_on",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 60,
    },
    Variant {
        name: "threads",
        label: "OS threads",
        ns: &[1_000, 10_000, 100_000],
        quick_ns: &[100, 1_000],
        limit_s: 60,
    },
    Variant {
        name: "asyncio",
        label: "Python asyncio.gather",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 120,
    },
    // The same Python program with the cyclic garbage collector off
    // (`gc.disable()` before `asyncio.run`): what the collector costs.
    Variant {
        name: "asyncio-no-gc",
        label: "Python asyncio.gather, gc.disable()",
        ns: TASK_NS,
        quick_ns: TASK_QUICK_NS,
        limit_s: 120,
    },
];

/// The ways `scale spawn-join` spawns and joins one trivial task after
/// another: name and row label.
pub const SPAWN_JOIN: &[(&str, &str)] = &[
    ("current-thread", "tokio, current_thread block_on"),
    ("multi-thread-block-on", "tokio, multi_thread block_on"),
    ("multi-thread-task", "tokio, multi_thread, inside a task"),
    ("thread", "OS thread (spawn + join)"),
    ("asyncio", "Python asyncio (create_task + await)"),
];

/// The columns of the main table of `results/scale.md`.
pub const COLUMNS: &[&str] = &[
    "Variant",
    "N",
    "Wall time",
    "Overhead above 1 s",
    "Peak RSS",
    "Bytes per task",
];

/// `1000000` as `1,000,000`, as the results file writes N.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod results {
    //! The benchmark's results are generated (`cargo xtask bench scale`),
    //! never typed: these tests check their shape, not their values.

    use std::path::{Path, PathBuf};

    use super::{COLUMNS, SPAWN_JOIN, VARIANTS, thousands};

    fn lesson_dir() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}. Run `cargo xtask bench scale` to write it.",
                path.display()
            )
        })
    }

    /// The cells of each Markdown table row that follows `header`.
    fn table_after(text: &str, header: &str) -> Vec<Vec<String>> {
        let mut lines = text.lines().skip_while(|l| l.trim() != header);
        assert!(
            lines.next().is_some(),
            "results/scale.md has no table with header {header:?}"
        );
        let separator = lines.next().unwrap_or_default();
        assert!(
            separator.starts_with("|-")
                || separator.starts_with("| -")
                || separator.starts_with("|:"),
            "the table {header:?} has no separator row"
        );
        lines
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                l.trim()
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_results_file_has_one_row_per_variant_and_n() {
        let text = read(&lesson_dir().join("results/scale.md"));
        for heading in [
            "### Machine",
            "### Requests that wait 1 s",
            "### Spawn and join one trivial task",
        ] {
            assert!(
                text.lines().any(|l| l.trim() == heading),
                "results/scale.md lacks the heading {heading:?}"
            );
        }
        assert!(
            text.contains("cargo xtask bench scale") && !text.contains("--quick"),
            "results/scale.md must come from a full `cargo xtask bench scale` run"
        );
        let header = format!("| {} |", COLUMNS.join(" | "));
        let rows = table_after(&text, &header);
        let mut expected = Vec::new();
        for variant in VARIANTS {
            for &n in variant.ns {
                expected.push((variant.label.to_string(), thousands(n)));
            }
        }
        let found: Vec<_> = rows
            .iter()
            .map(|r| {
                assert_eq!(
                    r.len(),
                    COLUMNS.len(),
                    "row {r:?} has the wrong number of cells"
                );
                (r[0].trim_matches('`').to_string(), r[1].clone())
            })
            .collect();
        assert_eq!(found, expected, "one row per variant and N, in order");

        let rows = table_after(&text, "| How | Per task |");
        let found: Vec<_> = rows.iter().map(|r| r[0].clone()).collect();
        let expected: Vec<_> = SPAWN_JOIN.iter().map(|(_, l)| l.to_string()).collect();
        assert_eq!(found, expected, "one spawn-and-join row per way, in order");
    }

    #[test]
    fn the_chart_is_an_accessible_inline_svg() {
        let svg = read(&lesson_dir().join("results/scale.svg"));
        assert!(
            svg.starts_with("<svg "),
            "results/scale.svg starts with <svg"
        );
        for part in ["<title", "<desc", "currentColor", "</svg>"] {
            assert!(svg.contains(part), "results/scale.svg lacks {part}");
        }
        assert!(
            !svg.contains("\n\n"),
            "results/scale.svg must have no blank line: Markdown would end the HTML block there"
        );
    }

    /// The chapter's file: `book/src/<NN->a-million-tasks.md`, whatever
    /// number the lesson has.
    fn chapter() -> PathBuf {
        let dir = lesson_dir();
        let book = dir
            .ancestors()
            .nth(2)
            .expect("crates/<lesson>")
            .join("book/src");
        let slug = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a folder name");
        book.join(format!("{slug}.md"))
    }

    #[test]
    fn the_chapter_includes_the_results() {
        let chapter = chapter();
        let text = read(&chapter);
        let dir = lesson_dir()
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a folder name");
        for file in ["scale.md", "scale.svg"] {
            let include = format!("{{{{#include ../../crates/{dir}/results/{file}}}}}");
            assert!(
                text.contains(&include),
                "{} must show the measured figures with `{include}`",
                chapter.display()
            );
        }
    }
}
