//! `cargo xtask playground`: every Rust block that has a Play button in the
//! built book is compiled exactly as the button would send it (hidden lines
//! included, as mdBook sends them) against the crates the Rust Playground
//! offers, at the Playground's versions, in a crate of its own outside the
//! workspace; then each program runs for up to [`RUN_LIMIT`].
//!
//! A block marked `compile_fail` must fail to compile; any other must
//! compile, and must not fail when it runs (a program still running at the
//! limit is stopped and counted as running, not as failed: some lessons
//! wait for seconds on purpose).
//!
//! The text is taken from the HTML mdBook wrote (`<pre class="playground">`
//! blocks, tags stripped and entities decoded: the `textContent` that
//! mdBook's `book.js` sends), so what is compiled is what a reader runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a program may run before it is stopped.
pub const RUN_LIMIT: Duration = Duration::from_secs(2);

/// The crates of the Rust Playground a lesson may use, as its
/// `compiler/base/Cargo.toml` lists them (rust-lang/rust-playground, read
/// 2026-08): `(id, package, version, features)`. The id is what the
/// Playground's `/meta/crates` answers and what `extern crate` names.
pub const CRATES: &[(&str, &str, &str, &[&str])] = &[
    ("async_trait", "async-trait", "0.1.91", &[]),
    ("bytes", "bytes", "1.12.1", &[]),
    (
        "futures",
        "futures",
        "0.3.33",
        &[
            "async-await",
            "compat",
            "executor",
            "io-compat",
            "std",
            "thread-pool",
        ],
    ),
    (
        "tokio",
        "tokio",
        "1.53.1",
        &[
            "fs",
            "full",
            "io-util",
            "net",
            "rt",
            "rt-multi-thread",
            "sync",
            "test-util",
            "time",
        ],
    ),
    ("tokio_stream", "tokio-stream", "0.1.19", &[]),
    (
        "tokio_util",
        "tokio-util",
        "0.7.19",
        &["codec", "full", "io"],
    ),
    ("tracing", "tracing", "0.1.44", &["std"]),
    ("tracing_subscriber", "tracing-subscriber", "0.3.23", &[]),
];

/// The Playground's answer to `GET /meta/crates`, for these crates.
pub fn crates_json() -> String {
    let items: Vec<String> = CRATES
        .iter()
        .map(|(id, package, version, _)| {
            format!(r#"{{"name":"{package}","version":"{version}","id":"{id}"}}"#)
        })
        .collect();
    format!(r#"{{"crates":[{}]}}"#, items.join(","))
}

/// The `Cargo.toml` of the check crate: the Playground's crates, pinned.
pub fn manifest() -> String {
    let mut out = String::from(
        "# Written by `cargo xtask playground`: the Rust Playground's crates, pinned.\n\
         [package]\nname = \"playground-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Not part of the course's workspace.\n[workspace]\n\n\
         # No debug info: it changes no message and no behaviour, and linking\n\
         # some 300 programs with it took most of this check's time.\n\
         [profile.dev]\ndebug = false\n\n[dependencies]\n",
    );
    for (id, package, version, features) in CRATES {
        let features: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
        let default = if *id == "tracing" {
            ", default-features = false"
        } else {
            ""
        };
        out.push_str(&format!(
            "{id} = {{ package = \"{package}\", version = \"={version}\", features = [{}]{default} }}\n",
            features.join(", ")
        ));
    }
    out
}

/// One block with a Play button, as the built page carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The `<code>` element's classes (`language-rust`, `compile_fail`, ...).
    pub classes: Vec<String>,
    /// Its `textContent`: what the Play button sends.
    pub text: String,
}

impl Block {
    pub fn must_fail(&self) -> bool {
        self.classes.iter().any(|c| c == "compile_fail")
    }

    pub fn must_panic(&self) -> bool {
        self.classes.iter().any(|c| c == "should_panic")
    }
}

/// `&lt;` and friends, as the browser decodes them.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of `html` without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

/// The blocks of a page that mdBook gives a Play button: Rust blocks in
/// `<pre class="playground">`.
pub fn blocks(html: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre class=\"playground\"><code class=\"") {
        rest = &rest[start + "<pre class=\"playground\"><code class=\"".len()..];
        let Some(quote) = rest.find('"') else { break };
        let classes: Vec<String> = rest[..quote].split_whitespace().map(String::from).collect();
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</code></pre>") else {
            break;
        };
        if classes.iter().any(|c| c == "language-rust") {
            found.push(Block {
                classes,
                text: strip_tags(&rest[open_end + 1..close]),
            });
        }
        rest = &rest[close..];
    }
    found
}

/// What the check found: one line per problem, and the counts.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<String>,
    pub compiled: usize,
    pub refused_as_expected: usize,
    pub finished: usize,
    pub stopped: usize,
    pub panicked_as_expected: usize,
    /// The chapter whose first listing built and ran in a `cargo new` project.
    pub own_project: Option<String>,
}

/// Builds the book into `target/playground/html`, then checks its blocks.
pub fn check(root: &Path) -> Result<Report, String> {
    let mdbook = crate::mdbook::ensure(root, crate::mdbook::Need::Build)?;
    let work = root.join("target/playground");
    let html = work.join("html");
    let _ = std::fs::remove_dir_all(&html);
    let output = Command::new(&mdbook)
        .args(["build", "--dest-dir"])
        .arg(&html)
        .current_dir(root.join("book"))
        .output()
        .map_err(|e| format!("cannot start mdbook: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "mdbook build failed; run `cargo xtask book` to see why:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let lessons = crate::lessons(root);
    let mut pages = Vec::new();
    let mut first_lesson_listing = None;
    for entry in crate::book::summary(root).map_err(|p| p.to_string())? {
        let page = entry.file.trim_end_matches(".md").to_string();
        let text = std::fs::read_to_string(html.join(format!("{page}.html")))
            .map_err(|e| format!("mdBook wrote no {page}.html ({e})"))?;
        let is_lesson = lessons.iter().any(|l| l.slug == page);
        for (i, block) in blocks(&text).into_iter().enumerate() {
            // The first listing that needs the dependencies the chapter
            // gives (one that uses only std would prove nothing of them).
            if is_lesson
                && first_lesson_listing.is_none()
                && !block.must_fail()
                && block.text.contains("tokio::")
            {
                first_lesson_listing = Some((format!("book/src/{page}.md"), block.clone()));
            }
            pages.push((format!("book/src/{page}.md"), i + 1, block));
        }
    }
    let mut report = check_blocks(&work.join("crate"), &pages)?;
    match first_lesson_listing {
        Some((chapter, block)) => {
            if let Err(problem) = own_project(root, &work.join("your-project"), &block) {
                report.problems.push(format!(
                    "{chapter}: its first listing that uses tokio, in a project made with `cargo new` and the dependencies of book/src/your-project.toml (as \"How to run the code\" says): {problem}"
                ));
            } else {
                report.own_project = Some(chapter);
            }
        }
        None => report
            .problems
            .push("no lesson chapter has a listing with a Play button".to_string()),
    }
    Ok(report)
}

/// What "How to run the code" tells a reader: `cargo new`, the lines of
/// `book/src/your-project.toml` under `[dependencies]`, the listing as
/// `src/main.rs`; then it must build without a warning and run.
pub fn own_project(root: &Path, dir: &Path, block: &Block) -> Result<(), String> {
    let dependencies = std::fs::read_to_string(root.join("book/src/your-project.toml"))
        .map_err(|e| format!("book/src/your-project.toml cannot be read ({e})"))?;
    // Outside the workspace, as a reader's project is: `cargo new` inside
    // it would make the project inherit the workspace's settings.
    let home = std::env::temp_dir().join(format!("xtask-your-project-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home)
        .map_err(|e| format!("cannot create {} ({e})", home.display()))?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let project = home.join("async-demo");
    let output = Command::new(&cargo)
        .args(["new", "--quiet", "--vcs", "none", "async-demo"])
        .current_dir(&home)
        .output()
        .map_err(|e| format!("cannot run cargo new ({e})"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo new` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let manifest = project.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    if !text.trim_end().ends_with("[dependencies]") {
        return Err(format!(
            "`cargo new` wrote a Cargo.toml that does not end with [dependencies]:\n{text}"
        ));
    }
    text.push_str(&dependencies);
    std::fs::write(&manifest, text).map_err(|e| e.to_string())?;
    std::fs::write(project.join("src/main.rs"), &block.text).map_err(|e| e.to_string())?;
    let output = Command::new(&cargo)
        .args(["build", "--color", "never"])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        // As in the check crate: debug info changes no message or behaviour.
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .output()
        .map_err(|e| format!("cannot run cargo build ({e})"))?;
    let log = String::from_utf8_lossy(&output.stderr).to_string();
    if !output.status.success() || log.contains("warning") {
        let _ = std::fs::remove_dir_all(&home);
        return Err(format!(
            "`cargo build` in {} did not build cleanly:\n{log}",
            project.display()
        ));
    }
    let ran = run_limited(&dir.join("target/debug/async-demo"));
    let _ = std::fs::remove_dir_all(&home);
    match ran? {
        Ran::Failed(why) => Err(format!("it fails when it runs: {why}")),
        Ran::Finished | Ran::Stopped => Ok(()),
    }
}

/// Compiles each `(chapter, n, block)` as a bin of one crate in `dir`, then
/// runs the ones that compiled.
pub fn check_blocks(dir: &Path, blocks: &[(String, usize, Block)]) -> Result<Report, String> {
    let bins = dir.join("src/bin");
    let _ = std::fs::remove_dir_all(&bins);
    std::fs::create_dir_all(&bins).map_err(|e| format!("cannot create {}: {e}", bins.display()))?;
    std::fs::write(dir.join("Cargo.toml"), manifest())
        .map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    let name = |i: usize| format!("block{i:03}");
    for (i, (_, _, block)) in blocks.iter().enumerate() {
        std::fs::write(bins.join(format!("{}.rs", name(i))), &block.text)
            .map_err(|e| format!("cannot write {}: {e}", bins.display()))?;
    }
    let mut report = Report::default();
    if blocks.is_empty() {
        return Ok(report);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--bins", "--keep-going", "--color", "never"])
        .current_dir(dir)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .map_err(|e| format!("cannot run cargo build: {e}"))?;
    let log = String::from_utf8_lossy(&output.stderr).to_string();
    let failed = |i: usize| log.contains(&format!("(bin \"{}\")", name(i)));
    if !output.status.success() && !blocks.iter().enumerate().any(|(i, _)| failed(i)) {
        return Err(format!(
            "cargo could not build the Playground check crate in {} for a reason that names no block:\n{log}",
            dir.display()
        ));
    }
    // A warning is what a reader sees first after pressing Play.
    let warned = |i: usize| {
        log.split("\n\n").any(|d| {
            d.trim_start().starts_with("warning")
                && d.contains(&format!("--> src/bin/{}.rs", name(i)))
        })
    };
    let mut runnable = Vec::new();
    for (i, (chapter, n, block)) in blocks.iter().enumerate() {
        if !block.must_fail() && !failed(i) && warned(i) {
            report.problems.push(format!(
                "{chapter}: Rust block {n} compiles with warnings on the Playground, which a reader sees above its output; fix them (`cargo build` in {} shows them).",
                dir.display()
            ));
        }
        match (block.must_fail(), failed(i)) {
            (true, true) => report.refused_as_expected += 1,
            (true, false) => report.problems.push(format!(
                "{chapter}: Rust block {n} is marked compile_fail but compiles on the Playground; fix the block, or drop compile_fail."
            )),
            (false, true) => report.problems.push(format!(
                "{chapter}: Rust block {n} does not compile on the Playground (its full text, hidden lines included, is {}; cargo's errors are in `cargo build` there); it may use only the Playground's crates: {}.",
                bins.join(format!("{}.rs", name(i))).display(),
                CRATES.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
            )),
            (false, false) => {
                report.compiled += 1;
                runnable.push((i, chapter, *n, block.must_panic()));
            }
        }
    }
    let exe_dir = dir.join("target/debug");
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = runnable
            .iter()
            .map(|(i, chapter, n, must_panic)| {
                let exe = exe_dir.join(name(*i));
                scope.spawn(move || (chapter, *n, *must_panic, run_limited(&exe)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a run thread panicked"))
            .collect()
    });
    for (chapter, n, must_panic, result) in results {
        match result {
            Ok(Ran::Failed(why)) if must_panic && why.contains("panicked at") => {
                report.panicked_as_expected += 1
            }
            Ok(Ran::Finished | Ran::Stopped) if must_panic => report.problems.push(format!(
                "{chapter}: Rust block {n} is marked should_panic but does not panic on the Playground within {RUN_LIMIT:?}; fix the block, or drop should_panic."
            )),
            Ok(Ran::Finished) => report.finished += 1,
            Ok(Ran::Stopped) => report.stopped += 1,
            Ok(Ran::Failed(why)) => report.problems.push(format!(
                "{chapter}: Rust block {n} compiles but fails when it runs on the Playground: {why}"
            )),
            Err(e) => report
                .problems
                .push(format!("{chapter}: Rust block {n}: {e}")),
        }
    }
    Ok(report)
}

enum Ran {
    Finished,
    Stopped,
    Failed(String),
}

fn run_limited(exe: &PathBuf) -> Result<Ran, String> {
    let mut child = Command::new(exe)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            if status.success() {
                return Ok(Ran::Finished);
            }
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                use std::io::Read;
                let _ = pipe.read_to_string(&mut stderr);
            }
            // The panic's place and message, else the last line printed.
            let lines: Vec<&str> = stderr.lines().collect();
            let why = match lines.iter().position(|l| l.contains("panicked at")) {
                Some(i) => lines[i..(i + 2).min(lines.len())].join(" "),
                None => lines
                    .iter()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .map_or(String::new(), |l| l.to_string()),
            };
            return Ok(Ran::Failed(format!("it exited with {status}: {why}")));
        }
        if started.elapsed() >= RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Ran::Stopped);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The command: prints the counts, fails on any problem.
pub fn main(root: &Path) -> Result<(), String> {
    let report = check(root)?;
    println!(
        "playground: {} block(s) compile with the Playground's crates ({} finished within {:?}, {} still running at the limit and stopped, {} panicked as marked); {} compile_fail block(s) refused as expected.",
        report.compiled,
        report.finished,
        RUN_LIMIT,
        report.stopped,
        report.panicked_as_expected,
        report.refused_as_expected
    );
    if let Some(chapter) = &report.own_project {
        println!(
            "playground: the first tokio listing of {chapter} builds and runs in a `cargo new` project with book/src/your-project.toml's dependencies."
        );
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} block(s) would not work on the Playground:\n- {}",
            report.problems.len(),
            report.problems.join("\n- ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_read_as_the_play_button_sends_them() {
        let html = concat!(
            "<pre><code class=\"language-rust noplayground\">fn not_this() {}</code></pre>",
            "<pre class=\"playground\"><code class=\"language-rust edition2024\">",
            "<span class=\"boring\">use std::fmt;\n</span>fn main() { println!(&quot;a &lt; b &amp;&amp; c&quot;); }",
            "</code></pre>",
            "<pre class=\"playground\"><code class=\"language-rust compile_fail\">fn main() { x }</code></pre>",
        );
        let found = blocks(html);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].text,
            "use std::fmt;\nfn main() { println!(\"a < b && c\"); }"
        );
        assert!(!found[0].must_fail());
        assert!(found[1].must_fail());
    }

    #[test]
    fn entities_decode_like_a_browser() {
        assert_eq!(
            decode_entities("&#39;a&#x27; &amp;amp; & x;"),
            "'a' &amp; & x;"
        );
    }

    #[test]
    fn the_manifest_pins_every_playground_crate() {
        let manifest = manifest();
        for (id, package, version, _) in CRATES {
            assert!(
                manifest.contains(&format!(
                    "{id} = {{ package = \"{package}\", version = \"={version}\""
                )),
                "{manifest}"
            );
        }
        assert!(manifest.contains("\n[workspace]\n"));
        assert!(crates_json().contains(r#"{"name":"tokio","version":"1.53.1","id":"tokio"}"#));
    }
}
