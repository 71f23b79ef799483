//! `cargo xtask exercises` and `cargo xtask exercise <name>`: the reader's
//! exercises in a terminal, rustlings-style.
//!
//! A lesson declares its exercises in its `programs()`:
//! `Program::predict("name", ..)` (predict the output: the answer is the
//! program's snapshot) and `Program::fix("name", ..)` (fix the bug: a check
//! on the recorded run). The reader works in `exercises/` at the top of the
//! workspace, which git ignores and no project check reads:
//!
//! - a prediction is `exercises/<name>.txt`: the program's lines, shuffled,
//!   each to be put in order and given its time (`[1.500s] text`); it is
//!   graded here by the same rules as the book's page (`book/exercises.js`);
//! - an attempt at a fix is `exercises/<name>.rs`, a copy of the starter;
//!   it is compiled into the lesson's tests with the lesson's `attempt`
//!   feature, recorded on virtual time like the starter, and checked by the
//!   exercise's own check (`lesson_kit::exercise::check_attempt`).
//!
//! Nothing here writes outside `exercises/` and `target/exercises/` (the
//! last result of each attempt, for the list), and an attempt is never
//! overwritten, except by `--reset`, which keeps the old one as `.bak`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Lesson, book, lessons};

/// The two kinds of exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Predict,
    Fix,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Predict => "predict the output",
            Kind::Fix => "fix the bug",
        }
    }
}

/// One exercise of the book.
#[derive(Clone, Debug)]
pub struct Exercise {
    pub name: String,
    pub kind: Kind,
    pub lesson: Lesson,
    /// The chapter's title, from SUMMARY.
    pub chapter: String,
}

impl Exercise {
    /// The program the reader predicts, or the starter they fix.
    pub fn program(&self) -> PathBuf {
        self.lesson
            .dir
            .join("src/exercises")
            .join(format!("{}.rs", self.name.replace('-', "_")))
    }

    /// Its snapshot: the answer of a prediction, the starter's run.
    pub fn snapshot(&self) -> PathBuf {
        self.lesson
            .dir
            .join("src/snapshots")
            .join(format!("{}.snap", self.name))
    }

    /// Lines the program never prints, mixed into a prediction where the
    /// point is what never prints (optional; tidy checks that none is in
    /// the snapshot).
    pub fn decoys_file(&self) -> PathBuf {
        self.lesson
            .dir
            .join("src/exercises")
            .join(format!("{}.decoys", self.name))
    }

    /// The decoys' texts, none when there is no decoys file.
    pub fn decoys(&self) -> Vec<Line> {
        std::fs::read_to_string(self.decoys_file())
            .map(|s| decoy_lines(&s))
            .unwrap_or_default()
    }

    pub fn hint(&self) -> PathBuf {
        self.lesson
            .dir
            .join("src/exercises")
            .join(format!("{}.hint.md", self.name))
    }

    /// Where the reader works on it.
    pub fn attempt(&self, root: &Path) -> PathBuf {
        let ext = match self.kind {
            Kind::Predict => "txt",
            Kind::Fix => "rs",
        };
        root.join("exercises").join(format!("{}.{ext}", self.name))
    }
}

/// Every exercise, in the book's order (SUMMARY, then each `programs()`).
pub fn all(root: &Path) -> Vec<Exercise> {
    let summary = book::summary(root).unwrap_or_default();
    let mut lessons = lessons(root);
    let place = |l: &Lesson| {
        summary
            .iter()
            .position(|e| e.file == format!("{}.md", l.slug))
            .unwrap_or(usize::MAX)
    };
    lessons.sort_by_key(|l| (place(l), l.slug.clone()));
    let mut out = Vec::new();
    for lesson in lessons {
        let chapter = summary
            .iter()
            .find(|e| e.file == format!("{}.md", lesson.slug))
            .map_or_else(|| lesson.slug.clone(), |e| e.title.clone());
        let lib = std::fs::read_to_string(lesson.dir.join("src/lib.rs")).unwrap_or_default();
        for (constructor, name) in crate::tidy::declared(&lib) {
            let kind = match constructor.as_str() {
                "predict" => Kind::Predict,
                "fix" => Kind::Fix,
                _ => continue,
            };
            out.push(Exercise {
                name,
                kind,
                lesson: lesson.clone(),
                chapter: chapter.clone(),
            });
        }
    }
    out
}

/// One line of a transcript or of a prediction: its time (`None`: not
/// given yet) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub time: Option<f64>,
    pub text: String,
}

/// `[1.500s] text` (also `[1.5] text`, `[?] text`).
pub fn parse_line(line: &str) -> Option<Line> {
    let rest = line.trim_end().strip_prefix('[')?;
    let (stamp, text) = rest.split_once("] ")?;
    let stamp = stamp.trim().trim_end_matches('s').trim();
    let time = if stamp == "?" || stamp.is_empty() {
        None
    } else {
        Some(stamp.parse::<f64>().ok().filter(|t| *t >= 0.0)?)
    };
    Some(Line {
        time,
        text: text.to_string(),
    })
}

/// How one predicted line compares with the real run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub order: Order,
    pub time: Time,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Right,
    /// The program prints it before where the reader put it.
    Earlier,
    Later,
    /// The program prints no such line.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Time {
    Right,
    Off,
    Missing,
    Unknown,
}

impl Verdict {
    pub fn right(self) -> bool {
        self.order == Order::Right && self.time == Time::Right
    }

    fn words(self) -> String {
        let mut words = Vec::new();
        match self.order {
            Order::Earlier => words.push("comes earlier"),
            Order::Later => words.push("comes later"),
            Order::Unknown => words.push("never printed: delete this line"),
            Order::Right => {}
        }
        match self.time {
            Time::Off => words.push("time is off"),
            Time::Missing => words.push("no time given"),
            _ => {}
        }
        words.join(", ")
    }
}

/// Grades a prediction against the real transcript, by the rules of the
/// book's page (`book/exercises.js`, `grade`): a line is in place when it
/// belongs to the longest run of predicted lines that keep the real order;
/// any other comes earlier (the program prints it before a line predicted
/// above it) or later. Its time is right within half a millisecond.
pub fn grade(answer: &[Line], guess: &[Line]) -> Vec<Verdict> {
    let mut used = vec![false; answer.len()];
    let index: Vec<Option<usize>> = guess
        .iter()
        .map(|g| {
            let k = (0..answer.len()).find(|&k| !used[k] && answer[k].text == g.text)?;
            used[k] = true;
            Some(k)
        })
        .collect();
    // The longest increasing run of answer indexes (first found wins).
    let n = index.len();
    let mut best = vec![0usize; n];
    let mut prev = vec![None; n];
    for i in 0..n {
        let Some(ki) = index[i] else { continue };
        best[i] = 1;
        for j in 0..i {
            if let Some(kj) = index[j]
                && kj < ki
                && best[j] + 1 > best[i]
            {
                best[i] = best[j] + 1;
                prev[i] = Some(j);
            }
        }
    }
    let mut in_place = vec![false; n];
    let mut top = None;
    for i in 0..n {
        if top.is_none_or(|t: usize| best[i] > best[t]) {
            top = Some(i);
        }
    }
    let mut at = top.filter(|&t| best[t] > 0);
    while let Some(i) = at {
        in_place[i] = true;
        at = prev[i];
    }
    guess
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let Some(k) = index[i] else {
                return Verdict {
                    order: Order::Unknown,
                    time: Time::Unknown,
                };
            };
            let order = if in_place[i] {
                Order::Right
            } else if (0..i).any(|j| in_place[j] && index[j] > Some(k)) {
                Order::Earlier
            } else {
                Order::Later
            };
            let time = match (g.time, answer[k].time) {
                (None, _) => Time::Missing,
                (Some(t), Some(real)) if (t - real).abs() <= 0.0005 => Time::Right,
                _ => Time::Off,
            };
            Verdict { order, time }
        })
        .collect()
}

/// A decoys file's lines: each non-empty line is a text, with no time.
pub fn decoy_lines(text: &str) -> Vec<Line> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Line {
            time: None,
            text: l.to_string(),
        })
        .collect()
}

/// A snapshot's transcript: its lines after the header.
pub fn answer_of(snapshot: &str) -> Vec<Line> {
    snapshot
        .lines()
        .skip_while(|l| *l != "---")
        .skip(1)
        .skip_while(|l| *l != "---")
        .skip(1)
        .filter_map(parse_line)
        .collect()
}

/// The same shuffle every time, never the real order (for two or more).
fn shuffled(lines: &[Line]) -> Vec<Line> {
    let mut seed: u64 = 7;
    for l in lines {
        for b in l.text.bytes() {
            seed = seed.wrapping_mul(31).wrapping_add(u64::from(b));
        }
    }
    let mut out = lines.to_vec();
    for i in (1..out.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((seed >> 33) % (i as u64 + 1)) as usize;
        out.swap(i, j);
    }
    if out.len() > 1 && out.iter().zip(lines).all(|(a, b)| a.text == b.text) {
        out.rotate_left(1);
    }
    out
}

fn rel(root: &Path, path: &Path) -> String {
    crate::book::rel(root, path)
}

/// The status column of `cargo xtask exercises`.
fn status(root: &Path, exercise: &Exercise) -> String {
    let attempt = exercise.attempt(root);
    let Ok(text) = std::fs::read_to_string(&attempt) else {
        return "not started".into();
    };
    match exercise.kind {
        Kind::Predict => {
            let answer = std::fs::read_to_string(exercise.snapshot())
                .map(|s| answer_of(&s))
                .unwrap_or_default();
            let guess = prediction(&text).unwrap_or_default();
            let right = grade(&answer, &guess).iter().filter(|v| v.right()).count();
            if right == answer.len() && guess.len() == answer.len() {
                "done".into()
            } else {
                format!("started ({right} of {} lines right)", answer.len())
            }
        }
        Kind::Fix => match std::fs::read_to_string(result_file(root, exercise)) {
            Ok(result) if result == format!("pass {}", digest(&text)) => "done".into(),
            Ok(result) if result == format!("fail {}", digest(&text)) => {
                "started (its last check failed)".into()
            }
            _ => "started (not checked since it changed)".into(),
        },
    }
}

fn result_file(root: &Path, exercise: &Exercise) -> PathBuf {
    root.join("target/exercises")
        .join(format!("{}.result", exercise.name))
}

fn digest(text: &str) -> String {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// `cargo xtask exercises`.
pub fn list(root: &Path) -> String {
    let exercises = all(root);
    let mut out = String::new();
    let mut chapter = String::new();
    let mut done = 0;
    for exercise in &exercises {
        if exercise.chapter != chapter {
            chapter = exercise.chapter.clone();
            out.push_str(&format!("\n{chapter} ({})\n", exercise.lesson.chapter()));
        }
        let status = status(root, exercise);
        if status == "done" {
            done += 1;
        }
        out.push_str(&format!(
            "  {:<28} {:<19} {status}\n",
            exercise.name,
            exercise.kind.label()
        ));
    }
    out.push_str(&format!(
        "\n{done} of {} done. Start one with `cargo xtask exercise <name>`: it says what to do.\n",
        exercises.len()
    ));
    out
}

/// The reader's prediction file, parsed: its lines, or what is wrong.
fn prediction(text: &str) -> Result<Vec<Line>, String> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        match parse_line(t) {
            Some(l) => lines.push(l),
            None => {
                return Err(format!(
                    "line {}: {t:?} does not start with its time in brackets; write it as `[1.500s] {}` (or `[?] …` while you think).",
                    i + 1,
                    t.trim_start_matches('[')
                ));
            }
        }
    }
    Ok(lines)
}

/// What `cargo xtask exercise` did: its report, and whether it passed.
pub struct Outcome {
    pub report: String,
    pub passed: bool,
}

/// `cargo xtask exercise <name> [--reset]`.
pub fn run(root: &Path, name: &str, reset: bool) -> Result<Outcome, String> {
    let exercises = all(root);
    let Some(exercise) = exercises.iter().find(|e| e.name == name) else {
        let mut names: Vec<&str> = exercises.iter().map(|e| e.name.as_str()).collect();
        let close: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| n.contains(name) || name.contains(*n))
            .collect();
        if !close.is_empty() {
            names = close;
        }
        return Err(format!(
            "There is no exercise named {name:?}; {} {}. `cargo xtask exercises` lists them all.",
            if names.len() < exercises.len() {
                "did you mean"
            } else {
                "the exercises are"
            },
            names.join(", ")
        ));
    };
    let attempt = exercise.attempt(root);
    if reset && attempt.exists() {
        let backup = attempt.with_extension(format!(
            "{}.bak",
            attempt.extension().unwrap_or_default().to_string_lossy()
        ));
        std::fs::rename(&attempt, &backup)
            .map_err(|e| format!("cannot move {} aside: {e}", rel(root, &attempt)))?;
        println!("Your previous attempt is now {}.", rel(root, &backup));
    }
    match exercise.kind {
        Kind::Predict => predict(root, exercise, &attempt),
        Kind::Fix => fix(root, exercise, &attempt),
    }
}

fn hint(exercise: &Exercise) -> String {
    std::fs::read_to_string(exercise.hint())
        .map(|h| format!("\nHint:\n{}", indent(&plain_hint(&h))))
        .unwrap_or_default()
}

/// A hint as a terminal shows it: a folded second hint
/// (`<details><summary>Hint 2</summary> … </details>`, for the page) as
/// `Hint 2:` and its text.
fn plain_hint(hint: &str) -> String {
    let mut out = Vec::new();
    for line in hint.trim().lines() {
        let mut line = line.trim_end().to_string();
        for tag in ["<details>", "</details>"] {
            line = line.replace(tag, "");
        }
        if let Some(start) = line.find("<summary>")
            && let Some(end) = line.find("</summary>")
            && start < end
        {
            line = format!(
                "{}{}:{}",
                &line[..start],
                &line[start + "<summary>".len()..end],
                &line[end + "</summary>".len()..]
            );
        }
        if line.trim().is_empty() && out.last().is_some_and(|l: &String| l.trim().is_empty()) {
            continue;
        }
        out.push(line);
    }
    out.join("\n").trim().to_string()
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect::<String>()
}

fn predict(root: &Path, exercise: &Exercise, attempt: &Path) -> Result<Outcome, String> {
    let snapshot = std::fs::read_to_string(exercise.snapshot()).map_err(|e| {
        format!(
            "cannot read {} ({e}): run `cargo test -p {}` first.",
            rel(root, &exercise.snapshot()),
            exercise.lesson.package()
        )
    })?;
    let answer = answer_of(&snapshot);
    let decoys = exercise.decoys();
    let Ok(text) = std::fs::read_to_string(attempt) else {
        let mut file = format!(
            "# Exercise {name} (predict the output), from the chapter \"{chapter}\" ({md}).\n\
             # The program: {program}\n\
             # Put these lines in the order you expect it to print them, and replace each [?]\n\
             # with the time the line is printed, in seconds, as [1.500s]. Lines that start\n\
             # with # are ignored. Then check your prediction: cargo xtask exercise {name}\n{never}",
            name = exercise.name,
            chapter = exercise.chapter,
            md = exercise.lesson.chapter(),
            program = rel(root, &exercise.program()),
            never = if decoys.is_empty() {
                ""
            } else {
                "# Some of these lines are never printed: delete those.\n"
            },
        );
        let mut lines = answer.clone();
        lines.extend(decoys.iter().cloned());
        for line in shuffled(&lines) {
            file.push_str(&format!("[?] {}\n", line.text));
        }
        std::fs::create_dir_all(root.join("exercises"))
            .and_then(|()| std::fs::write(attempt, file))
            .map_err(|e| format!("cannot write {}: {e}", rel(root, attempt)))?;
        return Ok(Outcome {
            report: format!(
                "Exercise {name}: predict what {program} prints.\n\
                 Your prediction goes in {file}: it lists the program's lines, shuffled{never}. Put them in order,\n\
                 give each its time, then run `cargo xtask exercise {name}` again.",
                never = if decoys.is_empty() {
                    ""
                } else {
                    ", with some it never prints"
                },
                name = exercise.name,
                program = rel(root, &exercise.program()),
                file = rel(root, attempt),
            ),
            passed: false,
        });
    };
    let guess = prediction(&text).map_err(|e| format!("{}: {e}", rel(root, attempt)))?;
    let verdicts = grade(&answer, &guess);
    let right = verdicts.iter().filter(|v| v.right()).count();
    let passed = right == answer.len() && guess.len() == answer.len();
    let mut report = String::new();
    if passed {
        report.push_str(&format!(
            "✓ Exercise {}: all {right} lines right, in order and on time.\n",
            exercise.name
        ));
    } else {
        report.push_str(&format!(
            "✗ Exercise {}: {right} of {} lines right.\n",
            exercise.name,
            answer.len()
        ));
    }
    for (line, verdict) in guess.iter().zip(&verdicts) {
        let time = line
            .time
            .map_or_else(|| "?".to_string(), |t| format!("{t:.3}s"));
        let mark = if verdict.right() { "✓" } else { "✗" };
        let words = verdict.words();
        let words = if words.is_empty() {
            String::new()
        } else {
            format!("   <- {words}")
        };
        report.push_str(&format!("  {mark} [{time}] {}{words}\n", line.text));
    }
    let mut counted = guess.clone();
    let missing: Vec<&Line> = answer
        .iter()
        .filter(|a| {
            if let Some(at) = counted.iter().position(|g| g.text == a.text) {
                counted.remove(at);
                false
            } else {
                true
            }
        })
        .collect();
    for line in &missing {
        report.push_str(&format!("  ✗ missing: {}\n", line.text));
    }
    if passed {
        report.push_str(&format!(
            "\nThe chapter ({}) shows the real output's timeline under \"The real output\".\n",
            exercise.lesson.chapter()
        ));
    } else {
        report.push_str(&format!(
            "\nEdit {} and run this again.{}",
            rel(root, attempt),
            hint(exercise)
        ));
    }
    Ok(Outcome { report, passed })
}

fn fix(root: &Path, exercise: &Exercise, attempt: &Path) -> Result<Outcome, String> {
    let mut report = String::new();
    if !attempt.exists() {
        std::fs::create_dir_all(root.join("exercises"))
            .and_then(|()| std::fs::copy(exercise.program(), attempt).map(drop))
            .map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    rel(root, &exercise.program()),
                    rel(root, attempt)
                )
            })?;
        report.push_str(&format!(
            "Exercise {name} (fix the bug), from the chapter \"{chapter}\" ({md}).\n\
             Copied the starter to {file}: fix the bug there, then run `cargo xtask exercise {name}` again.\n\
             Here is how the starter does now:\n\n",
            name = exercise.name,
            chapter = exercise.chapter,
            md = exercise.lesson.chapter(),
            file = rel(root, attempt),
        ));
    }
    let text = std::fs::read_to_string(attempt)
        .map_err(|e| format!("cannot read {}: {e}", rel(root, attempt)))?;
    for (needed, what) in [
        (
            "pub(crate) fn program()",
            "the last lines, `pub(crate) fn program() { main() }`",
        ),
        (
            "#[cfg_attr(test, lesson_kit::main)]",
            "the line `#[cfg_attr(test, lesson_kit::main)]` above `#[tokio::main]`",
        ),
    ] {
        if !text.contains(needed) {
            return Err(format!(
                "{} lacks {what}, which the check needs to run your program on virtual time; put it back (`cargo xtask exercise {} --reset` starts again from the starter, keeping yours as a .bak).",
                rel(root, attempt),
                exercise.name
            ));
        }
    }
    let absolute = std::fs::canonicalize(attempt).unwrap_or_else(|_| attempt.to_path_buf());
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .args([
            "test",
            "--quiet",
            "-p",
            &exercise.lesson.package(),
            "--features",
            "attempt",
            "--lib",
            "--",
            "--exact",
            "programs::exercise_attempt",
            "--nocapture",
        ])
        .env("LESSON_ATTEMPT", &absolute)
        .env("LESSON_EXERCISE", &exercise.name)
        .env_remove("CI")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let section = |from: &str, to: &str| -> Option<String> {
        let start = stdout.find(from)? + from.len();
        let end = start + stdout[start..].find(to)?;
        Some(stdout[start..end].trim_matches('\n').to_string())
    };
    let transcript = section("--- attempt transcript ---\n", "\n--- attempt ").or_else(|| {
        stdout
            .contains("--- attempt transcript ---\n--- attempt ")
            .then(String::new)
    });
    let Some(transcript) = transcript else {
        let errors: String = stderr
            .lines()
            .filter(|l| !l.trim_start().starts_with("Compiling") && !l.contains("Finished"))
            .collect::<Vec<_>>()
            .join("\n");
        report.push_str(&format!(
            "{errors}\n\n✗ Exercise {}: your attempt does not compile (or did not run); the messages above point into {}.{}",
            exercise.name,
            rel(root, attempt),
            hint(exercise)
        ));
        record_result(root, exercise, &text, false);
        return Ok(Outcome {
            report,
            passed: false,
        });
    };
    let passed = stdout.contains("--- attempt passes ---");
    report.push_str(&format!(
        "What {} printed, on virtual time:\n{}\n",
        rel(root, attempt),
        indent(&transcript)
    ));
    if passed {
        report.push_str(&format!(
            "✓ Exercise {} is fixed. Compare with the chapter's solution ({}, under \"A solution\").\n",
            exercise.name,
            exercise.lesson.chapter()
        ));
    } else {
        let why = section("--- attempt fails ---\n", "\n--- attempt end ---").unwrap_or_default();
        report.push_str(&format!(
            "✗ Exercise {}: not fixed yet: {why}\nEdit {} and run this again.{}",
            exercise.name,
            rel(root, attempt),
            hint(exercise)
        ));
    }
    record_result(root, exercise, &text, passed);
    Ok(Outcome { report, passed })
}

fn record_result(root: &Path, exercise: &Exercise, text: &str, passed: bool) {
    let file = result_file(root, exercise);
    let verdict = if passed { "pass" } else { "fail" };
    let _ = std::fs::create_dir_all(file.parent().unwrap_or(root))
        .and_then(|()| std::fs::write(&file, format!("{verdict} {}", digest(text))));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines().filter_map(parse_line).collect()
    }

    const ANSWER: &str = "[0.000s] bike: on the way\n[0.000s] van: on the way\n[0.500s] bike: picked up\n[1.000s] van: delivered";

    #[test]
    fn a_right_prediction_is_right() {
        let answer = lines(ANSWER);
        let verdicts = grade(&answer, &answer);
        assert!(verdicts.iter().all(|v| v.right()), "{verdicts:?}");
        // Times may be written loosely.
        let loose = lines(
            "[0] bike: on the way\n[0.0s] van: on the way\n[.5] bike: picked up\n[1] van: delivered",
        );
        assert!(grade(&answer, &loose).iter().all(|v| v.right()));
    }

    #[test]
    fn a_wrong_prediction_says_which_lines_and_how() {
        let answer = lines(ANSWER);
        // "van: delivered" moved to the top, "bike: picked up" timed wrong,
        // one time not given, one line that the program never prints.
        let guess = lines(
            "[1.000s] van: delivered\n[0.000s] bike: on the way\n[?] van: on the way\n[0.800s] bike: picked up\n[2.000s] van: lost",
        );
        let v = grade(&answer, &guess);
        assert_eq!(
            v[0],
            Verdict {
                order: Order::Later,
                time: Time::Right
            }
        );
        assert_eq!(
            v[1],
            Verdict {
                order: Order::Right,
                time: Time::Right
            }
        );
        assert_eq!(
            v[2],
            Verdict {
                order: Order::Right,
                time: Time::Missing
            }
        );
        assert_eq!(
            v[3],
            Verdict {
                order: Order::Right,
                time: Time::Off
            }
        );
        assert_eq!(v[4].order, Order::Unknown);
        // A line put below one the program prints after it comes earlier.
        let swapped = lines(
            "[0.000s] van: on the way\n[0.000s] bike: on the way\n[0.500s] bike: picked up\n[1.000s] van: delivered",
        );
        let v = grade(&answer, &swapped);
        assert_eq!(v.iter().filter(|v| v.right()).count(), 3);
        assert!(v.iter().any(|v| v.order != Order::Right));
    }

    #[test]
    fn prediction_files_parse_or_say_how_to_fix_them() {
        assert_eq!(
            prediction("# comment\n\n[?] a\n[1.5s] b\n").unwrap(),
            vec![
                Line {
                    time: None,
                    text: "a".into()
                },
                Line {
                    time: Some(1.5),
                    text: "b".into()
                },
            ]
        );
        let error = prediction("[?] a\nvan: delivered\n").unwrap_err();
        assert!(
            error.contains("line 2") && error.contains("[1.500s] van: delivered"),
            "{error}"
        );
        assert!(prediction("[-1s] a").is_err());
    }

    #[test]
    fn the_shuffle_is_stable_and_never_the_answer() {
        let answer = lines(ANSWER);
        let once = shuffled(&answer);
        assert_eq!(once, shuffled(&answer));
        assert_ne!(
            once.iter().map(|l| &l.text).collect::<Vec<_>>(),
            answer.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
        let mut sorted: Vec<_> = once.iter().map(|l| l.text.clone()).collect();
        sorted.sort();
        let mut real: Vec<_> = answer.iter().map(|l| l.text.clone()).collect();
        real.sort();
        assert_eq!(sorted, real);
    }

    #[test]
    fn decoys_are_texts_and_one_kept_is_never_printed() {
        let decoys = decoy_lines("bike: delivered\n\n  van: lost \n");
        let texts: Vec<&str> = decoys.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["bike: delivered", "van: lost"]);
        assert!(decoys.iter().all(|l| l.time.is_none()));
        let answer = lines(ANSWER);
        let mut guess = answer.clone();
        guess.push(Line {
            time: Some(2.0),
            text: "van: lost".into(),
        });
        let v = grade(&answer, &guess);
        assert!(v[..4].iter().all(|v| v.right()), "{v:?}");
        assert_eq!(v[4].order, Order::Unknown);
        assert!(v[4].words().contains("never printed"), "{}", v[4].words());
    }

    #[test]
    fn a_folded_second_hint_reads_plainly_in_a_terminal() {
        let hint = "Look at the permit.\n\n<details>\n<summary>Hint 2</summary>\n\nUse `acquire_owned`.\n\n</details>\n";
        assert_eq!(
            plain_hint(hint),
            "Look at the permit.\n\nHint 2:\n\nUse `acquire_owned`."
        );
    }

    #[test]
    fn a_snapshot_answer_skips_the_header() {
        let snap = "---\nsource: crates/select/src/lib.rs\n---\n[1.000s] a\n[2.000s] b\n";
        assert_eq!(answer_of(snap), lines("[1.000s] a\n[2.000s] b"));
    }
}
