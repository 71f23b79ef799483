//! The benchmark of this lesson. Not a test: it takes minutes and its
//! figures depend on the machine.
//!
//! ```text
//! cargo run --release -p lesson-a-million-tasks --bin bench -- [--quick] [--rounds R]
//! cargo xtask bench scale [--quick] [--rounds R]     # the same
//! ```
//!
//! It builds `--bin scale` in release mode and runs each variant of
//! [`VARIANTS`] as a child process (`scale <variant> <n>`, and
//! `python/spawn.py` under `python3` through `python/bench/`, once more
//! with its garbage collector off), so that a
//! variant that crashes, is refused threads or runs too long cannot take
//! the others down: a run over its time limit is killed and reported as
//! `> limit`. Variants alternate within each round, in a rotating order,
//! and the table shows the median of the rounds. Every child reports its
//! own wall time (from building its runtime to the last request joined)
//! and its peak resident memory (`VmHWM`, or Python's `ru_maxrss`); bytes
//! per task subtract the peak of the same variant run with no request at
//! all.
//!
//! A full run writes `results/scale.md` and `results/scale.svg` in the
//! lesson, which its chapter includes; `--quick` (smaller N, one round)
//! writes them under `target/bench/` instead, so it never replaces the
//! figures of a full run.

mod child;
mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use child::Outcome;
use lesson_a_million_tasks::{SPAWN_JOIN, VARIANTS, Variant, thousands};
use report::{Machine, Row, median, secs, summarize};

const USAGE: &str = "usage: cargo run --release -p lesson-a-million-tasks --bin bench -- [--quick] [--rounds R]\n\
     (or: cargo xtask bench scale [--quick] [--rounds R])";

#[derive(Debug, PartialEq)]
struct Options {
    quick: bool,
    rounds: usize,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut quick = false;
    let mut rounds = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--rounds" => {
                rounds = Some(
                    args.next()
                        .and_then(|r| r.parse().ok())
                        .filter(|&r| r > 0)
                        .ok_or("--rounds takes a number of rounds, at least 1")?,
                );
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let rounds = rounds.unwrap_or(if quick { 1 } else { 3 });
    Ok(Options { quick, rounds })
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
    match scale(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The lesson's folder: `results/` and `python/` are in it.
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

/// The target folder this binary was built in (`<target>/<profile>/bench`).
fn target_dir(root: &Path) -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.to_path_buf()))
        .or_else(|| std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from))
        .unwrap_or_else(|| root.join("target"))
}

/// `path` relative to `root` where it is below it.
fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
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

/// The 1, 5 and 15 minute load averages, from `/proc/loadavg`.
fn load_average() -> String {
    read_trimmed("/proc/loadavg")
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `version = ".."` after `name = "<package>"` in a Cargo.lock.
fn locked_version(lock: &str, package: &str) -> String {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return v.trim_matches('"').to_string();
        }
    }
    "?".into()
}

/// Whether `variant` is the Python program (with or without its garbage
/// collector), which runs under `python3`, not `--bin scale`.
fn is_python(variant: &Variant) -> bool {
    variant.name.starts_with("asyncio")
}

/// The numbers of requests a variant runs.
fn ns(variant: &Variant, quick: bool) -> &'static [usize] {
    if quick { variant.quick_ns } else { variant.ns }
}

/// Starts the children: `--bin scale`, or `python3` on the harness in
/// `python/bench/`.
struct Runner {
    scale_bin: PathBuf,
    python: Option<String>,
    python_dir: PathBuf,
}

impl Runner {
    fn python(&self, harness: &str) -> Option<Command> {
        let mut command = Command::new(self.python.as_ref()?);
        command
            .args(["-I", "-B"])
            .arg(self.python_dir.join("bench").join(harness));
        Some(command)
    }

    /// `variant` with `n` requests, each waiting 1 s.
    fn requests(&self, variant: &Variant, n: usize) -> Outcome {
        let limit = Duration::from_secs(variant.limit_s);
        if is_python(variant) {
            let Some(mut command) = self.python("bench_requests.py") else {
                return Outcome::Failed("no python3".into());
            };
            command
                .arg(self.python_dir.join("spawn.py"))
                .arg(n.to_string());
            if variant.name == "asyncio-no-gc" {
                command.arg("no-gc");
            }
            return child::run(command, limit);
        }
        let mut command = Command::new(&self.scale_bin);
        command.arg(variant.name).arg(n.to_string());
        child::run(command, limit)
    }

    /// `k` trivial tasks spawned and joined one after the other, `how`.
    fn spawn_join(&self, how: &str, k: usize) -> Outcome {
        let limit = Duration::from_secs(60);
        if how == "asyncio" {
            let Some(mut command) = self.python("bench_spawn_join.py") else {
                return Outcome::Failed("no python3".into());
            };
            command.arg(k.to_string());
            return child::run(command, limit);
        }
        let mut command = Command::new(&self.scale_bin);
        command.args(["spawn-join", how]).arg(k.to_string());
        child::run(command, limit)
    }
}

/// How many trivial tasks each way spawns and joins: enough for tens or
/// hundreds of milliseconds.
fn spawn_join_count(how: &str, quick: bool) -> usize {
    let k = match how {
        "current-thread" | "multi-thread-task" => 200_000,
        "asyncio" => 50_000,
        "multi-thread-block-on" => 20_000,
        _ => 10_000,
    };
    if quick { k / 10 } else { k }
}

/// The order of the variants in `round`: each round starts one later.
fn round_order(len: usize, round: usize) -> Vec<usize> {
    let rotate = |i: usize| (i + len - round % len.max(1)) % len.max(1);
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by_key(|&v| rotate(v));
    order
}

fn scale(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let root = workspace_root();
    let package = env!("CARGO_PKG_NAME");
    let load_start = load_average();
    println!("bench scale: building {package} --bin scale (release)...");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            package,
            "--bin",
            "scale",
        ])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run cargo build: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed; see above".into());
    }
    let target = target_dir(&root);
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let python_version = output_of(&python, &["--version"]);
    if python_version.is_none() {
        println!("bench scale: no `{python}`, so the Python rows stay empty.");
    }
    let runner = Runner {
        scale_bin: target.join("release").join("scale"),
        python: python_version.as_ref().map(|_| python.clone()),
        python_dir: lesson_dir().join("python"),
    };

    let variants = VARIANTS;
    let ways = SPAWN_JOIN;
    // Every (variant, N) pair, and the baselines (N = 0).
    let mut jobs: Vec<(usize, usize)> = Vec::new();
    for (v, variant) in variants.iter().enumerate() {
        for &n in ns(variant, options.quick) {
            jobs.push((v, n));
        }
    }
    let mut outcomes: Vec<Vec<Outcome>> = vec![Vec::new(); jobs.len()];
    let mut baselines: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    let mut spawn_join: Vec<Vec<f64>> = vec![Vec::new(); ways.len()];
    for round in 0..options.rounds {
        println!("bench scale: round {} of {}", round + 1, options.rounds);
        let order = round_order(variants.len(), round);
        let position = |v: usize| order.iter().position(|&o| o == v);
        for &v in &order {
            if let Outcome::Done { peak_kib, .. } = runner.requests(&variants[v], 0) {
                baselines[v].push(peak_kib as f64);
            }
        }
        let mut by_size: Vec<usize> = (0..jobs.len()).collect();
        by_size.sort_by_key(|&j| (jobs[j].1, position(jobs[j].0)));
        for j in by_size {
            let (v, n) = jobs[j];
            let variant = &variants[v];
            // A run that was stopped or refused once is not repeated.
            if let Some(last @ (Outcome::TimedOut { .. } | Outcome::Refused { .. })) =
                outcomes[j].last()
            {
                let last = last.clone();
                outcomes[j].push(last);
                continue;
            }
            let outcome = runner.requests(variant, n);
            println!(
                "  {:<42} {:>9}  {}",
                variant.label,
                thousands(n),
                match &outcome {
                    Outcome::Done { wall, peak_kib } =>
                        format!("{} {:>8.1} MiB", secs(*wall), *peak_kib as f64 / 1024.0),
                    Outcome::Refused { message, .. } => message.clone(),
                    Outcome::TimedOut { limit } => format!("stopped after {} s", limit.as_secs()),
                    Outcome::Failed(why) => format!("failed: {why}"),
                }
            );
            outcomes[j].push(outcome);
        }
        for (w, (how, _)) in ways.iter().enumerate() {
            let k = spawn_join_count(how, options.quick);
            if let Outcome::Done { wall, .. } = runner.spawn_join(how, k) {
                spawn_join[w].push(wall / k as f64 * 1e6);
            }
        }
    }
    let load_end = load_average();

    let rows: Vec<Row> = jobs
        .iter()
        .enumerate()
        .map(|(j, &(v, n))| {
            if is_python(&variants[v]) && runner.python.is_none() {
                return Row::NotRun("not run: no python3");
            }
            summarize(&outcomes[j], median(baselines[v].clone()), n)
        })
        .collect();
    let per_task: Vec<Option<f64>> = spawn_join.into_iter().map(median).collect();

    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let machine = Machine {
        date: output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(|| "?".into()),
        cpus: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model: std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| {
                c.lines()
                    .find_map(|l| l.strip_prefix("model name")?.split_once(':'))
                    .map(|(_, m)| m.trim().to_string())
            })
            .unwrap_or_else(|| "?".into()),
        memory: std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                let kib: f64 = m
                    .lines()
                    .find_map(|l| l.strip_prefix("MemTotal:"))?
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .ok()?;
                Some(format!("{:.1} GiB", kib / 1024.0 / 1024.0))
            })
            .unwrap_or_else(|| "?".into()),
        kernel: read_trimmed("/proc/sys/kernel/osrelease"),
        max_map_count: read_trimmed("/proc/sys/vm/max_map_count"),
        rustc: output_of("rustc", &["--version"]).unwrap_or_else(|| "?".into()),
        tokio: locked_version(&lock, "tokio"),
        futures: locked_version(&lock, "futures"),
        python: python_version.unwrap_or_else(|| "no python3".into()),
        load_start,
        load_end,
        rounds: options.rounds,
        quick: options.quick,
    };
    let markdown = report::render_markdown(&machine, variants, &jobs, &rows, ways, &per_task);
    let svg = report::render_svg(variants, &jobs, &rows);

    let out_dir = if options.quick {
        target.join("bench")
    } else {
        lesson_dir().join("results")
    };
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let stem = if options.quick {
        "scale-quick"
    } else {
        "scale"
    };
    for (ext, text) in [("md", &markdown), ("svg", &svg)] {
        let path = out_dir.join(format!("{stem}.{ext}"));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("\n{markdown}");
    println!(
        "bench scale: wrote {}/{stem}.md and .svg in {:.0} s",
        rel(&root, &out_dir),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn a_full_run_has_three_rounds_and_quick_one() {
        let parse = |a: &[&str]| parse_args(&args(a));
        assert_eq!(
            parse(&[]),
            Ok(Options {
                quick: false,
                rounds: 3
            })
        );
        assert_eq!(
            parse(&["--quick"]),
            Ok(Options {
                quick: true,
                rounds: 1
            })
        );
        assert_eq!(
            parse(&["--rounds", "5", "--quick"]),
            Ok(Options {
                quick: true,
                rounds: 5
            })
        );
        assert!(parse(&["--rounds", "0"]).is_err());
        assert!(parse(&["--rounds"]).is_err());
        assert!(parse(&["scale"]).is_err());
    }

    #[test]
    fn every_variant_leads_one_round_in_turn() {
        assert_eq!(round_order(3, 0), [0, 1, 2]);
        assert_eq!(round_order(3, 1), [1, 2, 0]);
        assert_eq!(round_order(3, 2), [2, 0, 1]);
        assert_eq!(round_order(3, 3), [0, 1, 2]);
        assert_eq!(round_order(0, 1), Vec::<usize>::new());
    }

    #[test]
    fn versions_come_from_the_lockfile() {
        let lock = "[[package]]\nname = \"tokio\"\nversion = \"1.54.1\"\n\n\
                    [[package]]\nname = \"tokio-util\"\nversion = \"0.7.20\"\n";
        assert_eq!(locked_version(lock, "tokio"), "1.54.1");
        assert_eq!(locked_version(lock, "tokio-util"), "0.7.20");
        assert_eq!(locked_version(lock, "futures"), "?");
        // The real lockfile has both versions the results file names.
        let real = std::fs::read_to_string(workspace_root().join("Cargo.lock")).unwrap();
        assert_ne!(locked_version(&real, "tokio"), "?");
        assert_ne!(locked_version(&real, "futures"), "?");
    }

    #[test]
    fn the_python_harness_and_program_exist() {
        let python = lesson_dir().join("python");
        for file in [
            "spawn.py",
            "bench/bench_requests.py",
            "bench/bench_spawn_join.py",
        ] {
            assert!(python.join(file).is_file(), "python/{file} is missing");
        }
        // The harness is not a lesson program: `cargo xtask python` runs
        // only `python/*.py`, and each of those needs its `.out`.
        for entry in std::fs::read_dir(&python).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") {
                assert!(path.with_extension("out").is_file(), "{path:?} has no .out");
            }
        }
    }
}
