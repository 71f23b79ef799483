//! `cargo xtask bench scale [--quick] [--rounds R]`: the benchmark of the
//! lesson "A million tasks". Not a test: it takes minutes and its figures
//! depend on the machine.
//!
//! It builds the lesson in release mode and runs each variant as a child
//! process (`--bin scale <variant> <n>`, and the lesson's Python program
//! under `python3`), so that a variant that crashes, is refused threads or
//! runs too long cannot take the others down: a run over its time limit is
//! killed and reported as `> limit`. Variants alternate within each round,
//! in a rotating order, and the table shows the median of the rounds.
//! Every child reports its own wall time (from building its runtime to the
//! last request joined) and its peak resident memory (`VmHWM`, or Python's
//! `ru_maxrss`); bytes per task subtract the peak of the same variant run
//! with no request at all.
//!
//! A full run writes `results/scale.md` and `results/scale.svg` in the
//! lesson, which its chapter includes; `--quick` (smaller N, one round)
//! writes them under `target/bench/` instead, so it never replaces the
//! figures of a full run.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The folder name (and package name) suffix that finds the lesson,
/// whatever its number.
const LESSON_SUFFIX: &str = "a-million-tasks";

/// What a Python child runs: the lesson's program, imported (so its
/// `asyncio.run(main(N))` does not run), then `main(n)` timed.
const PYTHON_REQUESTS: &str = r#"
import asyncio, importlib.util, resource, sys, time
spec = importlib.util.spec_from_file_location("program", sys.argv[1])
program = importlib.util.module_from_spec(spec)
spec.loader.exec_module(program)
n = int(sys.argv[2])
started = time.perf_counter()
asyncio.run(program.main(n))
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"scale: wall_s={wall:.6f} peak_kib={peak} done={n}")
"#;

/// What a Python child runs to spawn and join `k` trivial tasks.
const PYTHON_SPAWN_JOIN: &str = r#"
import asyncio, resource, sys, time
async def nothing():
    pass
async def main(k):
    for _ in range(k):
        await asyncio.create_task(nothing())
k = int(sys.argv[1])
started = time.perf_counter()
asyncio.run(main(k))
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"scale: wall_s={wall:.6f} peak_kib={peak} done={k}")
"#;

/// One variant, as `scale --list` describes it.
#[derive(Debug, Clone)]
struct Variant {
    name: String,
    label: String,
    ns: Vec<usize>,
    limit: Duration,
}

/// What one child run reported.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Done {
        wall: f64,
        peak_kib: u64,
    },
    /// The OS refused a thread: only `done` requests ran.
    Refused {
        done: usize,
        message: String,
    },
    /// Killed after the limit.
    TimedOut {
        limit: Duration,
    },
    Failed(String),
}

struct Options {
    quick: bool,
    rounds: usize,
}

/// `cargo xtask bench <args>`.
pub fn main(root: &Path, args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("scale") => {}
        Some(other) => {
            return Err(format!(
                "there is no benchmark {other:?}; the benchmarks are: scale"
            ));
        }
        None => return Err("usage: cargo xtask bench scale [--quick] [--rounds R]".into()),
    }
    let quick = args.iter().any(|a| a == "--quick");
    let rounds = match args.iter().position(|a| a == "--rounds") {
        Some(i) => args
            .get(i + 1)
            .and_then(|r| r.parse().ok())
            .filter(|&r| r > 0)
            .ok_or("--rounds takes a number of rounds, at least 1")?,
        None if quick => 1,
        None => 3,
    };
    scale(root, &Options { quick, rounds })
}

/// The lesson's folder and package: the crate whose package name ends
/// with [`LESSON_SUFFIX`].
fn find_lesson(root: &Path) -> Result<(PathBuf, String), String> {
    let entries = std::fs::read_dir(root.join("crates")).map_err(|e| format!("crates/: {e}"))?;
    for entry in entries.flatten() {
        let Ok(manifest) = std::fs::read_to_string(entry.path().join("Cargo.toml")) else {
            continue;
        };
        let name = manifest.lines().find_map(|l| {
            let value = l.trim().strip_prefix("name")?.trim().strip_prefix('=')?;
            Some(value.trim().trim_matches('"').to_string())
        });
        if let Some(name) = name
            && name.starts_with("lesson-")
            && name.ends_with(LESSON_SUFFIX)
        {
            return Ok((entry.path(), name));
        }
    }
    Err(format!(
        "no crate under crates/ has a package named lesson-...{LESSON_SUFFIX}"
    ))
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|d| if d.is_absolute() { d } else { root.join(d) })
        .unwrap_or_else(|| root.join("target"))
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

/// The first `version = ".."` after `name = "<package>"` in Cargo.lock.
fn locked_version(root: &Path, package: &str) -> String {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
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

/// Runs `command` to its end or until `limit`, and reads its report line.
fn run_child(mut command: Command, limit: Duration) -> Outcome {
    let mut child = match command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return Outcome::Failed(format!("cannot start: {e}")),
    };
    // Drain the pipes on threads, so a chatty child never blocks on them.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Outcome::Failed(format!("cannot wait: {e}")),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let Some(status) = status else {
        return Outcome::TimedOut { limit };
    };
    let report = stdout.lines().rev().find_map(|l| l.strip_prefix("scale: "));
    let refusal = || {
        stdout
            .lines()
            .find(|l| l.contains("refused"))
            .map(|l| l.split_once("] ").map_or(l, |(_, m)| m).to_string())
            .unwrap_or_else(|| "the OS refused a thread".into())
    };
    // A refusal the child reported just before it aborted (see `scale`).
    if let Some(report) = report
        && report.contains("refused=1")
    {
        let done = report
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix("done="))
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        return Outcome::Refused {
            done,
            message: refusal(),
        };
    }
    let Some(report) = report.filter(|_| status.success()) else {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        return Outcome::Failed(format!(
            "exited with {status}{}",
            last.map(|l| format!(": {}", l.trim())).unwrap_or_default()
        ));
    };
    let field = |name: &str| {
        report
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .unwrap_or_default()
            .to_string()
    };
    let (Ok(wall), Ok(peak_kib), Ok(done)) = (
        field("wall_s").parse::<f64>(),
        field("peak_kib").parse::<u64>(),
        field("done").parse::<usize>(),
    ) else {
        return Outcome::Failed(format!("unreadable report {report:?}"));
    };
    let asked = command
        .get_args()
        .last()
        .and_then(|a| a.to_str()?.parse::<usize>().ok())
        .unwrap_or(done);
    if done < asked {
        return Outcome::Refused {
            done,
            message: refusal(),
        };
    }
    Outcome::Done { wall, peak_kib }
}

struct Runner {
    scale_bin: PathBuf,
    python: Option<String>,
    python_program: PathBuf,
}

impl Runner {
    fn requests(&self, variant: &Variant, n: usize, limit: Duration) -> Outcome {
        if variant.name == "asyncio" {
            let Some(python) = &self.python else {
                return Outcome::Failed("no python3".into());
            };
            let mut command = Command::new(python);
            command
                .args(["-I", "-B", "-c", PYTHON_REQUESTS])
                .arg(&self.python_program)
                .arg(n.to_string());
            return run_child(command, limit);
        }
        let mut command = Command::new(&self.scale_bin);
        command.arg(&variant.name).arg(n.to_string());
        run_child(command, limit)
    }

    fn spawn_join(&self, how: &str, k: usize) -> Outcome {
        let limit = Duration::from_secs(60);
        if how == "asyncio" {
            let Some(python) = &self.python else {
                return Outcome::Failed("no python3".into());
            };
            let mut command = Command::new(python);
            command
                .args(["-I", "-B", "-c", PYTHON_SPAWN_JOIN])
                .arg(k.to_string());
            return run_child(command, limit);
        }
        let mut command = Command::new(&self.scale_bin);
        command.args(["spawn-join", how]).arg(k.to_string());
        run_child(command, limit)
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

fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len() % 2 == 1 {
        xs[mid]
    } else {
        (xs[mid - 1] + xs[mid]) / 2.0
    })
}

/// The medians of one variant at one N, or why there are none.
#[derive(Debug, Clone)]
enum Row {
    Measured {
        wall: f64,
        peak_kib: f64,
        /// `None` when there is no baseline to subtract.
        bytes_per_task: Option<f64>,
    },
    Refused {
        done: usize,
    },
    TimedOut {
        limit: Duration,
    },
    Failed(String),
    NotRun(&'static str),
}

fn summarize(outcomes: &[Outcome], baseline_kib: Option<f64>, n: usize) -> Row {
    if outcomes.is_empty() {
        return Row::NotRun("not run");
    }
    let done: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Done { wall, peak_kib } => Some((*wall, *peak_kib as f64)),
            _ => None,
        })
        .collect();
    // A variant must succeed in most rounds to have a figure.
    if done.len() * 2 > outcomes.len() {
        let wall = median(done.iter().map(|d| d.0).collect()).unwrap_or_default();
        let peak_kib = median(done.iter().map(|d| d.1).collect()).unwrap_or_default();
        let bytes_per_task = baseline_kib
            .filter(|_| n > 0)
            .map(|base| (peak_kib - base) * 1024.0 / n as f64);
        return Row::Measured {
            wall,
            peak_kib,
            bytes_per_task,
        };
    }
    for o in outcomes {
        match o {
            Outcome::Refused { done, .. } => return Row::Refused { done: *done },
            Outcome::TimedOut { limit } => return Row::TimedOut { limit: *limit },
            _ => {}
        }
    }
    match outcomes.iter().find_map(|o| match o {
        Outcome::Failed(why) => Some(why.clone()),
        _ => None,
    }) {
        Some(why) => Row::Failed(why),
        None => Row::NotRun("not run"),
    }
}

fn secs(s: f64) -> String {
    if s >= 10.0 {
        format!("{s:.1}\u{a0}s")
    } else {
        format!("{s:.3}\u{a0}s")
    }
}

fn bytes(b: f64) -> String {
    if b.abs() >= 1024.0 * 1024.0 {
        format!("{:.1}\u{a0}MiB", b / 1024.0 / 1024.0)
    } else if b.abs() >= 1024.0 {
        format!("{:.1}\u{a0}KiB", b / 1024.0)
    } else {
        format!("{b:.0}\u{a0}B")
    }
}

/// The table cells after "Variant | N" for one row.
fn cells(row: &Row) -> [String; 4] {
    let none = || "—".to_string();
    match row {
        Row::Measured {
            wall,
            peak_kib,
            bytes_per_task,
        } => [
            secs(*wall),
            format!("+{}", secs(wall - 1.0)),
            bytes(peak_kib * 1024.0),
            bytes_per_task.map(bytes).unwrap_or_else(none),
        ],
        Row::Refused { done } => [
            format!("refused after {} threads", thousands(*done)),
            none(),
            none(),
            none(),
        ],
        Row::TimedOut { limit } => [
            format!("> {} s (stopped)", limit.as_secs()),
            format!("> +{} s", limit.as_secs().saturating_sub(1)),
            none(),
            none(),
        ],
        Row::Failed(why) => [format!("failed: {why}"), none(), none(), none()],
        Row::NotRun(why) => [why.to_string(), none(), none(), none()],
    }
}

fn thousands(n: usize) -> String {
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

/// Reads `scale --list`: the variants and the ways to spawn and join.
/// The variants, and the ways to spawn and join (name, label).
type Listing = (Vec<Variant>, Vec<(String, String)>);

fn list(scale_bin: &Path, quick: bool) -> Result<Listing, String> {
    let listing = output_of(&scale_bin.to_string_lossy(), &["--list"])
        .ok_or_else(|| format!("`{} --list` failed", scale_bin.display()))?;
    let mut variants = Vec::new();
    let mut ways = Vec::new();
    for line in listing.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["variant", name, label, ns, quick_ns, limit] => {
                let parse = |s: &str| -> Vec<usize> {
                    s.split(',').filter_map(|n| n.parse().ok()).collect()
                };
                variants.push(Variant {
                    name: name.to_string(),
                    label: label.to_string(),
                    ns: parse(if quick { quick_ns } else { ns }),
                    limit: Duration::from_secs(limit.parse().unwrap_or(60)),
                });
            }
            ["spawn-join", name, label] => ways.push((name.to_string(), label.to_string())),
            _ => return Err(format!("unexpected line from `scale --list`: {line:?}")),
        }
    }
    Ok((variants, ways))
}

fn scale(root: &Path, options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let (lesson_dir, package) = find_lesson(root)?;
    let load_start = load_average();
    println!("bench scale: building {package} (release)...");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            &package,
            "--bin",
            "scale",
        ])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo build: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed; see above".into());
    }
    let scale_bin = target_dir(root).join("release").join("scale");
    let (variants, ways) = list(&scale_bin, options.quick)?;
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let python_version = output_of(&python, &["--version"]);
    if python_version.is_none() {
        println!("bench scale: no `{python}`, so the Python rows stay empty.");
    }
    let runner = Runner {
        scale_bin,
        python: python_version.as_ref().map(|_| python.clone()),
        python_program: lesson_dir.join("python/spawn.py"),
    };

    // Every (variant, N) pair, and the baselines (N = 0).
    let mut jobs: Vec<(usize, usize)> = Vec::new();
    for (v, variant) in variants.iter().enumerate() {
        for &n in &variant.ns {
            jobs.push((v, n));
        }
    }
    let mut outcomes: Vec<Vec<Outcome>> = vec![Vec::new(); jobs.len()];
    let mut baselines: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    let mut spawn_join: Vec<Vec<f64>> = vec![Vec::new(); ways.len()];
    for round in 0..options.rounds {
        println!("bench scale: round {} of {}", round + 1, options.rounds);
        let rotate = |i: usize, len: usize| (i + len - round % len.max(1)) % len.max(1);
        let mut order: Vec<usize> = (0..variants.len()).collect();
        order.sort_by_key(|&v| rotate(v, variants.len()));
        for &v in &order {
            if let Outcome::Done { peak_kib, .. } =
                runner.requests(&variants[v], 0, variants[v].limit)
            {
                baselines[v].push(peak_kib as f64);
            }
        }
        let mut by_size: Vec<usize> = (0..jobs.len()).collect();
        by_size.sort_by_key(|&j| (jobs[j].1, rotate(jobs[j].0, variants.len())));
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
            let outcome = runner.requests(variant, n, variant.limit);
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
            if variants[v].name == "asyncio" && runner.python.is_none() {
                return Row::NotRun("not run: no python3");
            }
            summarize(&outcomes[j], median(baselines[v].clone()), n)
        })
        .collect();
    let per_task: Vec<Option<f64>> = spawn_join.into_iter().map(median).collect();

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
        tokio: locked_version(root, "tokio"),
        futures: locked_version(root, "futures"),
        python: python_version.unwrap_or_else(|| "no python3".into()),
        load_start,
        load_end,
        rounds: options.rounds,
        quick: options.quick,
    };
    let markdown = render_markdown(&machine, &variants, &jobs, &rows, &ways, &per_task);
    let svg = render_svg(&variants, &jobs, &rows);

    let out_dir = if options.quick {
        target_dir(root).join("bench")
    } else {
        lesson_dir.join("results")
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
        crate::book::rel(root, &out_dir),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

struct Machine {
    date: String,
    cpus: usize,
    cpu_model: String,
    memory: String,
    kernel: String,
    max_map_count: String,
    rustc: String,
    tokio: String,
    futures: String,
    python: String,
    load_start: String,
    load_end: String,
    rounds: usize,
    quick: bool,
}

/// Overhead (s) and bytes per task of a measured row.
fn figures(row: &Row) -> Option<(f64, Option<f64>)> {
    match row {
        Row::Measured {
            wall,
            bytes_per_task,
            ..
        } => Some((wall - 1.0, *bytes_per_task)),
        _ => None,
    }
}

/// "A has 26× less overhead than B" at the largest N both measured.
fn comparison(
    variants: &[Variant],
    jobs: &[(usize, usize)],
    rows: &[Row],
    a: &str,
    b: &str,
) -> Option<String> {
    let find = |name: &str, n: usize| {
        let v = variants.iter().position(|v| v.name == name)?;
        let j = jobs.iter().position(|&(jv, jn)| jv == v && jn == n)?;
        figures(&rows[j])
    };
    let label = |name: &str| {
        variants
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.label.clone())
            .unwrap_or_default()
    };
    let n = jobs
        .iter()
        .map(|&(_, n)| n)
        .filter(|&n| find(a, n).is_some() && find(b, n).is_some())
        .max()?;
    let (oa, ba) = find(a, n)?;
    let (ob, bb) = find(b, n)?;
    let mut s = format!(
        "- At N = {}, `{}` had **{:.1}×** less overhead than `{}` (+{} against +{})",
        thousands(n),
        label(a),
        ob / oa.max(1e-6),
        label(b),
        secs(oa),
        secs(ob)
    );
    if let (Some(ba), Some(bb)) = (ba, bb) {
        let _ = write!(
            s,
            " and used **{:.1}×** less memory per task ({} against {})",
            bb / ba.max(1.0),
            bytes(ba),
            bytes(bb)
        );
    }
    s.push('.');
    Some(s)
}

fn render_markdown(
    m: &Machine,
    variants: &[Variant],
    jobs: &[(usize, usize)],
    rows: &[Row],
    ways: &[(String, String)],
    per_task: &[Option<f64>],
) -> String {
    let command = if m.quick {
        "cargo xtask bench scale --quick"
    } else {
        "cargo xtask bench scale"
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<!-- Written by `{command}`: generated, never edit by hand. -->\n"
    );
    let _ = writeln!(s, "### Machine\n");
    let _ = writeln!(
        s,
        "- {} CPUs (`nproc`), {}, {} of memory; Linux {}, `vm.max_map_count` {}",
        m.cpus, m.cpu_model, m.memory, m.kernel, m.max_map_count
    );
    let _ = writeln!(
        s,
        "- {}; tokio {}, futures {}; {}",
        m.rustc, m.tokio, m.futures, m.python
    );
    let _ = writeln!(
        s,
        "- `{command}` on {}: {} round{}, medians; load average (1, 5, 15 min) `{}` at the start, `{}` at the end",
        m.date,
        m.rounds,
        if m.rounds == 1 { "" } else { "s" },
        m.load_start,
        m.load_end
    );
    let _ = writeln!(s, "\n### Requests that wait 1 s\n");
    let _ = writeln!(s, "| {} |", COLUMNS.join(" | "));
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|");
    for (j, &(v, n)) in jobs.iter().enumerate() {
        let [wall, overhead, peak, per] = cells(&rows[j]);
        let _ = writeln!(
            s,
            "| {} | {} | {wall} | {overhead} | {peak} | {per} |",
            variants[v].label,
            thousands(n)
        );
    }
    let comparisons: Vec<String> = [
        ("spawn", "asyncio"),
        ("spawn-multi-thread", "asyncio"),
        ("spawn", "threads"),
        ("spawn-multi-thread", "threads"),
    ]
    .iter()
    .filter_map(|(a, b)| comparison(variants, jobs, rows, a, b))
    .collect();
    if !comparisons.is_empty() {
        let _ = writeln!(s);
        for c in comparisons {
            let _ = writeln!(s, "{c}");
        }
    }
    let _ = writeln!(s, "\n### Spawn and join one trivial task\n");
    let _ = writeln!(s, "| How | Per task |");
    let _ = writeln!(s, "|---|---:|");
    for ((_, label), t) in ways.iter().zip(per_task) {
        let cell = t.map_or("—".to_string(), |us| format!("{us:.2} µs"));
        let _ = writeln!(s, "| {label} | {cell} |");
    }
    s
}

/// The columns of the main table; the lesson's test checks the same.
const COLUMNS: &[&str] = &[
    "Variant",
    "N",
    "Wall time",
    "Overhead above 1 s",
    "Peak RSS",
    "Bytes per task",
];

/// Series colours that read on light and dark themes; each series also
/// has its own dash pattern and marker, so colour is never the only cue.
const PALETTE: &[&str] = &[
    "#e8590c", "#1c7ed6", "#c2255c", "#2f9e44", "#7048e8", "#868e96", "#f59f00",
];
const DASHES: &[&str] = &["", "6 3", "2 3", "8 3 2 3", "4 4", "1 4", "10 4"];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A log-log panel: its box and its axes' ranges (as powers of ten).
struct Panel {
    x_lo: i32,
    x_hi: i32,
    top: f64,
    height: f64,
    y_lo: i32,
    y_hi: i32,
    title: &'static str,
    unit: fn(f64) -> String,
}

const LEFT: f64 = 64.0;
const PLOT_WIDTH: f64 = 400.0;

impl Panel {
    fn x_of(&self, n: f64) -> f64 {
        LEFT + (n.log10() - self.x_lo as f64) / (self.x_hi - self.x_lo) as f64 * PLOT_WIDTH
    }

    fn y_of(&self, v: f64) -> f64 {
        let t = (v.log10() - self.y_lo as f64) / (self.y_hi - self.y_lo) as f64;
        self.top + self.height - t.clamp(0.0, 1.0) * self.height
    }
}

fn decade_secs(v: f64) -> String {
    if v >= 1.0 {
        format!("{v:.0} s")
    } else if v >= 0.001 {
        format!("{:.0} ms", v * 1000.0)
    } else {
        format!("{:.0} µs", v * 1e6)
    }
}

fn decade_bytes(v: f64) -> String {
    if v >= 1024.0 * 1024.0 {
        format!("{:.0} MB", v / 1e6)
    } else if v >= 1000.0 {
        format!("{:.0} kB", v / 1e3)
    } else {
        format!("{v:.0} B")
    }
}

fn render_svg(variants: &[Variant], jobs: &[(usize, usize)], rows: &[Row]) -> String {
    // Points per variant: (N, overhead s, bytes per task).
    let series: Vec<Vec<(f64, f64, Option<f64>)>> = (0..variants.len())
        .map(|v| {
            jobs.iter()
                .zip(rows)
                .filter(|((jv, _), _)| *jv == v)
                .filter_map(|(&(_, n), row)| {
                    let (o, b) = figures(row)?;
                    Some((n as f64, o, b))
                })
                .collect()
        })
        .collect();
    // Runs stopped at their limit: (variant, N, overhead at the limit).
    let stopped: Vec<(usize, f64, f64)> = jobs
        .iter()
        .zip(rows)
        .filter_map(|(&(v, n), row)| match row {
            Row::TimedOut { limit } => Some((v, n as f64, limit.as_secs_f64() - 1.0)),
            _ => None,
        })
        .collect();
    let all_o: Vec<f64> = series
        .iter()
        .flatten()
        .map(|p| p.1.max(1e-4))
        .chain(stopped.iter().map(|p| p.2.max(1e-4)))
        .collect();
    let all_b: Vec<f64> = series
        .iter()
        .flatten()
        .filter_map(|p| p.2)
        .map(|b| b.max(1.0))
        .collect();
    let lo_hi = |xs: &[f64], lo: i32, hi: i32| {
        let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let max = xs.iter().copied().fold(0.0, f64::max);
        let lo = if min.is_finite() {
            min.log10().floor() as i32
        } else {
            lo
        };
        let hi = if max > 0.0 {
            max.log10().ceil() as i32
        } else {
            hi
        };
        // At most ten decades, whatever the data.
        let hi = hi.clamp(-6, 12);
        (lo.clamp(hi - 10, hi - 1), hi)
    };
    let (o_lo, o_hi) = lo_hi(&all_o, -3, 1);
    let (b_lo, b_hi) = lo_hi(&all_b, 2, 4);
    let all_n: Vec<f64> = jobs.iter().map(|&(_, n)| n.max(1) as f64).collect();
    let (x_lo, x_hi) = lo_hi(&all_n, 3, 6);
    let panels = [
        Panel {
            x_lo,
            x_hi,
            top: 40.0,
            height: 200.0,
            y_lo: o_lo,
            y_hi: o_hi,
            title: "Overhead above the 1 s wait",
            unit: decade_secs,
        },
        Panel {
            x_lo,
            x_hi,
            top: 310.0,
            height: 200.0,
            y_lo: b_lo,
            y_hi: b_hi,
            title: "Memory per task (peak RSS above N = 0, per request)",
            unit: decade_bytes,
        },
    ];
    let width = 720.0;
    let height = 560.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="bench-chart" role="img" aria-labelledby="scale-chart-title scale-chart-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}" style="max-width:100%;height:auto" font-family="sans-serif" font-size="12" fill="currentColor">"#
    );
    let _ = writeln!(
        s,
        r#"<title id="scale-chart-title">Overhead and memory per task against the number of requests, log scales</title>"#
    );
    let mut desc = String::from("Measured by cargo xtask bench scale. ");
    for (v, points) in series.iter().enumerate() {
        if points.is_empty() {
            continue;
        }
        let _ = write!(desc, "{}:", variants[v].label);
        for (n, o, b) in points {
            let _ = write!(
                desc,
                " N={} overhead {}{};",
                thousands(*n as usize),
                secs(*o),
                b.map(|b| format!(" {} per task", bytes(b)))
                    .unwrap_or_default()
            );
        }
        desc.push(' ');
    }
    for &(v, n, o) in &stopped {
        let _ = write!(
            desc,
            "{} at N={}: stopped after {:.0} s. ",
            variants[v].label,
            thousands(n as usize),
            o + 1.0
        );
    }
    let _ = writeln!(
        s,
        r#"<desc id="scale-chart-desc">{}</desc>"#,
        escape(desc.trim())
    );
    for (p, panel) in panels.iter().enumerate() {
        let bottom = panel.top + panel.height;
        let _ = writeln!(
            s,
            r#"<text x="{LEFT}" y="{:.1}" font-weight="bold">{}</text>"#,
            panel.top - 12.0,
            escape(panel.title)
        );
        // Grid and axis labels: one line per decade.
        let _ = writeln!(s, r#"<g stroke="currentColor" stroke-opacity="0.15">"#);
        for e in x_lo..=x_hi {
            let x = panel.x_of(10f64.powi(e));
            let _ = writeln!(
                s,
                r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{bottom:.1}"/>"#,
                panel.top
            );
        }
        for e in panel.y_lo..=panel.y_hi {
            let y = panel.y_of(10f64.powi(e));
            let _ = writeln!(
                s,
                r#"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/>"#,
                LEFT + PLOT_WIDTH
            );
        }
        let _ = writeln!(s, "</g>");
        for e in panel.y_lo..=panel.y_hi {
            let y = panel.y_of(10f64.powi(e));
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end" fill-opacity="0.8">{}</text>"#,
                LEFT - 6.0,
                y + 4.0,
                escape(&(panel.unit)(10f64.powi(e)))
            );
        }
        for e in x_lo..=x_hi {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill-opacity="0.8">{}</text>"#,
                panel.x_of(10f64.powi(e)),
                bottom + 16.0,
                thousands(10usize.pow(e as u32))
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill-opacity="0.8">requests (N)</text>"#,
            LEFT + PLOT_WIDTH / 2.0,
            bottom + 32.0
        );
        // One line per variant.
        for (v, points) in series.iter().enumerate() {
            let colour = PALETTE[v % PALETTE.len()];
            let dash = DASHES[v % DASHES.len()];
            let coords: Vec<(f64, f64)> = points
                .iter()
                .filter_map(|&(n, o, b)| {
                    let value = if p == 0 {
                        Some(o.max(1e-4))
                    } else {
                        b.map(|b| b.max(1.0))
                    }?;
                    Some((panel.x_of(n), panel.y_of(value)))
                })
                .collect();
            if coords.is_empty() {
                continue;
            }
            let path: Vec<String> = coords
                .iter()
                .enumerate()
                .map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }))
                .collect();
            let dash_attr = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = writeln!(
                s,
                r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>"#,
                path.join(" ")
            );
            for (x, y) in &coords {
                let _ = writeln!(
                    s,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{colour}"/>"#
                );
            }
        }
        // A stopped run: a hollow marker at its limit, pointing up.
        if p == 0 {
            for &(v, n, o) in &stopped {
                let colour = PALETTE[v % PALETTE.len()];
                let (x, y) = (panel.x_of(n), panel.y_of(o));
                let _ = writeln!(
                    s,
                    r#"<path d="M{x:.1} {:.1}l-6 10h12z" fill="none" stroke="{colour}" stroke-width="2"><title>{} at N = {}: stopped after {:.0} s</title></path>"#,
                    y - 5.0,
                    escape(&variants[v].label),
                    thousands(n as usize),
                    o + 1.0
                );
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11" fill-opacity="0.8">stopped &gt; {:.0} s</text>"#,
                    x - 10.0,
                    y + 4.0,
                    o
                );
            }
        }
    }
    // The legend, right of the panels.
    let legend_x = LEFT + PLOT_WIDTH + 24.0;
    let mut y = 60.0;
    for (v, variant) in variants.iter().enumerate() {
        let colour = PALETTE[v % PALETTE.len()];
        let dash = DASHES[v % DASHES.len()];
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        let _ = writeln!(
            s,
            r#"<path d="M{legend_x:.1} {y:.1}h28" stroke="{colour}" stroke-width="2"{dash_attr}/>"#
        );
        let _ = writeln!(
            s,
            r#"<circle cx="{:.1}" cy="{y:.1}" r="3.5" fill="{colour}"/>"#,
            legend_x + 14.0
        );
        // Long labels wrap after their comma.
        let (first, second) = match variant.label.split_once(", ") {
            Some((a, b)) => (format!("{a},"), b.to_string()),
            None => (variant.label.clone(), String::new()),
        };
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            legend_x + 36.0,
            y + 4.0,
            escape(&first)
        );
        if !second.is_empty() {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" fill-opacity="0.8">{}</text>"#,
                legend_x + 36.0,
                y + 19.0,
                escape(&second)
            );
        }
        y += 44.0;
    }
    let _ = writeln!(
        s,
        r#"<text x="{legend_x:.1}" y="{:.1}" fill-opacity="0.8" font-size="11">Triangle: stopped at its time limit.</text>"#,
        y + 4.0
    );
    let _ = writeln!(
        s,
        r#"<text x="{legend_x:.1}" y="{:.1}" fill-opacity="0.8" font-size="11">Refused runs have no point.</text>"#,
        y + 18.0
    );
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_formats() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(bytes(460.0), "460\u{a0}B");
        assert_eq!(bytes(1434.0), "1.4\u{a0}KiB");
        assert_eq!(bytes(1.5 * 1024.0 * 1024.0), "1.5\u{a0}MiB");
    }

    #[test]
    fn a_run_over_its_limit_is_stopped() {
        let mut sleep = Command::new("sleep");
        sleep.arg("5");
        let started = Instant::now();
        let outcome = run_child(sleep, Duration::from_millis(50));
        assert!(matches!(outcome, Outcome::TimedOut { .. }), "{outcome:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_refusal_reported_before_an_abort_is_a_refusal() {
        let mut child = Command::new("sh");
        child.args([
            "-c",
            "echo '[abort] the OS refused a thread: no memory'; \
             echo 'scale: wall_s=0 peak_kib=1 done=16368 refused=1'; kill -ABRT $$",
        ]);
        let outcome = run_child(child, Duration::from_secs(10));
        assert_eq!(
            outcome,
            Outcome::Refused {
                done: 16368,
                message: "the OS refused a thread: no memory".into()
            }
        );
    }

    #[test]
    fn the_chart_has_no_blank_line() {
        let variants = vec![Variant {
            name: "spawn".into(),
            label: "tokio::spawn, current_thread".into(),
            ns: vec![1000, 10_000],
            limit: Duration::from_secs(1),
        }];
        let jobs = vec![(0, 1000), (0, 10_000)];
        let rows = vec![
            Row::Measured {
                wall: 1.01,
                peak_kib: 5000.0,
                bytes_per_task: Some(400.0),
            },
            Row::TimedOut {
                limit: Duration::from_secs(1),
            },
        ];
        let svg = render_svg(&variants, &jobs, &rows);
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
        assert!(!svg.contains("\n\n"));
    }
}
