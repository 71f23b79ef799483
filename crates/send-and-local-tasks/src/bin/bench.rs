//! The measurement of this lesson: in which orders do the four packers of
//! `packing-multi-thread` run? Not a test, and never a snapshot: its
//! figures depend on the machine, its load, and chance.
//!
//! ```text
//! cargo run --release -p lesson-send-and-local-tasks --bin bench -- [--quick] [--runs N]
//! cargo xtask bench orders [--quick] [--runs N]     # the same
//! ```
//!
//! It runs `pack_parcels` (the lesson's own function, the one the chapter
//! shows) `N` times (default 1000) on each runtime of [`RUNTIMES`], each
//! time on a runtime built for that run, and counts the orders in which
//! the packers added their parcels. A full run writes `results/orders.md`
//! in the lesson, which its chapter includes; `--quick` (100 runs) writes
//! `target/bench/orders-quick.md` instead, so it never replaces the
//! figures of a full run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use lesson_send_and_local_tasks::packing_multi_thread::pack_parcels;
use tokio::runtime::{Builder, Runtime};

const USAGE: &str = "usage: cargo run --release -p lesson-send-and-local-tasks --bin bench -- [--quick] [--runs N]\n\
     (or: cargo xtask bench orders [--quick] [--runs N])";

/// How to build one of the runtimes measured.
type Build = fn() -> Runtime;

/// The runtimes measured: a name for the table, and how to build one.
const RUNTIMES: &[(&str, Build)] = &[
    ("current_thread", || {
        Builder::new_current_thread()
            .build()
            .expect("a current_thread runtime builds")
    }),
    ("multi_thread, 2 workers", || {
        Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .expect("a multi_thread runtime builds")
    }),
];

#[derive(Debug, PartialEq)]
struct Options {
    quick: bool,
    runs: usize,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut quick = false;
    let mut runs = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--runs" => {
                runs = Some(
                    args.next()
                        .and_then(|r| r.parse().ok())
                        .filter(|&r| r > 0)
                        .ok_or("--runs takes a number of runs, at least 1")?,
                );
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let runs = runs.unwrap_or(if quick { 100 } else { 1000 });
    Ok(Options { quick, runs })
}

/// How many runs ended in each order (`anna, ben, chloe, dev`).
type Tally = BTreeMap<String, usize>;

/// Runs `pack_parcels` `runs` times, each on a runtime of its own.
fn measure(build: Build, runs: usize) -> Tally {
    let mut tally = Tally::new();
    for _ in 0..runs {
        let runtime = build();
        let order = runtime.block_on(pack_parcels());
        *tally.entry(order.join(", ")).or_default() += 1;
    }
    tally
}

/// Where and how the measurement ran.
struct Machine {
    cpus: usize,
    cpu_model: String,
    kernel: String,
    rustc: String,
    tokio: String,
    date: String,
    load_start: String,
    load_end: String,
}

/// The results file: the machine, one row per runtime, and every order
/// each runtime was seen to run the packers in, most frequent first.
fn render(machine: &Machine, runs: usize, tallies: &[(&str, Tally)]) -> String {
    let mut md = String::from(
        "<!-- Written by `cargo xtask bench orders`: generated, never edit by hand. -->\n\n",
    );
    md += "### Machine\n\n";
    md += &format!(
        "- {} CPUs (`nproc`), {}; Linux {}\n",
        machine.cpus, machine.cpu_model, machine.kernel
    );
    md += &format!("- {}; tokio {}\n", machine.rustc, machine.tokio);
    md += &format!(
        "- `cargo xtask bench orders` on {}: {runs} runs per runtime, each on a runtime of its own; \
         load average (1, 5, 15 min) `{}` at the start, `{}` at the end\n\n",
        machine.date, machine.load_start, machine.load_end
    );
    md += "### The order of the four packers\n\n";
    md += "| Runtime | Runs | Distinct orders | Most frequent order | Its share |\n";
    md += "|---|---:|---:|---|---:|\n";
    for (name, tally) in tallies {
        let sorted = by_count(tally);
        let (order, count) = sorted.first().copied().unwrap_or(("—", 0));
        md += &format!(
            "| {name} | {runs} | {} | {order} | {:.1}% |\n",
            tally.len(),
            100.0 * count as f64 / runs as f64
        );
    }
    for (name, tally) in tallies {
        md += &format!("\n#### Every order seen on {name}\n\n| Order | Runs |\n|---|---:|\n");
        for (order, count) in by_count(tally) {
            md += &format!("| {order} | {count} |\n");
        }
    }
    md
}

/// The tally, most frequent first (ties in the order's alphabetical order).
fn by_count(tally: &Tally) -> Vec<(&str, usize)> {
    let mut sorted: Vec<(&str, usize)> = tally.iter().map(|(o, &c)| (o.as_str(), c)).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    sorted
}

/// The lesson's folder: `results/` is in it.
fn lesson_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root: the nearest folder above the lesson with the lockfile.
fn workspace_root() -> PathBuf {
    let lesson = lesson_dir();
    lesson
        .ancestors()
        .find(|d| d.join("Cargo.lock").is_file())
        .unwrap_or(lesson)
        .to_path_buf()
}

fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn read_trimmed(path: &str) -> String {
    std::fs::read_to_string(path)
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "?".into())
}

fn load_average() -> String {
    read_trimmed("/proc/loadavg")
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The version of `name` in the lockfile's text.
fn locked_version(lock: &str, name: &str) -> String {
    let header = format!("name = \"{name}\"\n");
    lock.split("[[package]]")
        .find(|p| p.trim_start().starts_with(header.trim_end()) && p.contains(&header))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_else(|| "?".into())
}

fn run(options: &Options) -> Result<PathBuf, String> {
    let load_start = load_average();
    let tallies: Vec<(&str, Tally)> = RUNTIMES
        .iter()
        .map(|&(name, build)| {
            eprintln!("bench orders: {} runs on {name}", options.runs);
            (name, measure(build, options.runs))
        })
        .collect();
    let root = workspace_root();
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let machine = Machine {
        cpus: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model: std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| {
                c.lines()
                    .find_map(|l| l.strip_prefix("model name")?.split_once(':'))
                    .map(|(_, m)| m.trim().to_string())
            })
            .unwrap_or_else(|| "?".into()),
        kernel: read_trimmed("/proc/sys/kernel/osrelease"),
        rustc: output_of("rustc", &["--version"]).unwrap_or_else(|| "?".into()),
        tokio: locked_version(&lock, "tokio"),
        date: output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(|| "?".into()),
        load_start,
        load_end: load_average(),
    };
    let markdown = render(&machine, options.runs, &tallies);
    let path = if options.quick {
        root.join("target/bench/orders-quick.md")
    } else {
        lesson_dir().join("results/orders.md")
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, markdown).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match parse_args(&args) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(path) => {
            println!("bench orders: wrote {}", path.display());
            print!("{}", std::fs::read_to_string(&path).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let args = |s: &[&str]| parse_args(&s.iter().map(|a| a.to_string()).collect::<Vec<_>>());
        assert_eq!(
            args(&[]),
            Ok(Options {
                quick: false,
                runs: 1000
            })
        );
        assert_eq!(
            args(&["--quick"]),
            Ok(Options {
                quick: true,
                runs: 100
            })
        );
        assert_eq!(
            args(&["--runs", "7"]),
            Ok(Options {
                quick: false,
                runs: 7
            })
        );
        assert!(args(&["--runs", "0"]).is_err());
        assert!(args(&["--fast"]).is_err());
    }

    #[test]
    fn the_table_counts_distinct_orders_and_the_most_frequent_one() {
        let machine = Machine {
            cpus: 2,
            cpu_model: "a CPU".into(),
            kernel: "6.0".into(),
            rustc: "rustc 1.0".into(),
            tokio: "1.54.1".into(),
            date: "2026-01-01 00:00 UTC".into(),
            load_start: "0.00 0.00 0.00".into(),
            load_end: "0.00 0.00 0.00".into(),
        };
        let tally = |pairs: &[(&str, usize)]| -> Tally {
            pairs.iter().map(|&(o, c)| (o.to_string(), c)).collect()
        };
        let md = render(
            &machine,
            4,
            &[
                ("current_thread", tally(&[("a, b", 4)])),
                (
                    "multi_thread, 2 workers",
                    tally(&[("a, b", 1), ("b, a", 3)]),
                ),
            ],
        );
        assert!(
            md.contains("| current_thread | 4 | 1 | a, b | 100.0% |"),
            "{md}"
        );
        assert!(
            md.contains("| multi_thread, 2 workers | 4 | 2 | b, a | 75.0% |"),
            "{md}"
        );
        assert!(md.contains("| b, a | 3 |\n| a, b | 1 |"), "{md}");
    }

    #[test]
    fn versions_come_from_the_lockfile() {
        let real = std::fs::read_to_string(workspace_root().join("Cargo.lock")).unwrap();
        assert_ne!(locked_version(&real, "tokio"), "?");
        assert_eq!(locked_version(&real, "no-such-crate"), "?");
    }
}
