//! `cargo xtask <command>`: the workspace's own commands. Run
//! `cargo xtask help` for the list.

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve [--port N]   serve the book on http://localhost:3000 (installs the pinned mdBook if missing)
  book               build the book; fail on any mdBook warning; check mdBook's include expansion
  new-lesson <slug> [--title T] [--after SLUG]
                     add the lesson crates/<slug> (a copy of crates/lesson-template), its chapter and SUMMARY entry
  python [--bless]   run every lesson's Python analogue and compare it with its .out file
  browser-check [--screenshots DIR]
                     load every page of the built book in headless Chromium and check it
  bench <name> [args]
                     run a lesson's benchmark: its --bin bench, in release (<name>: the lesson's folder or
                     its [package.metadata.bench] name; `cargo xtask bench` lists them)
  playground         compile every block that has a Play button with the Playground's crates, and run it
  check              the tidy checks that `cargo test` runs, with a friendly report
  help               this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = xtask::workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => {
            let port = match args.get(1).map(String::as_str) {
                Some("--port") => args.get(2).cloned().unwrap_or_default(),
                _ => "3000".to_string(),
            };
            xtask::mdbook::serve(&root, &port)
        }
        Some("book") => xtask::mdbook::build(&root),
        Some("playground") => xtask::playground::main(&root),
        Some("bench") => xtask::bench::main(&root, &args[1..]),
        Some("new-lesson") => xtask::new_lesson::main(&root, &args[1..]),
        Some("browser-check") => {
            let dir = match args.get(1).map(String::as_str) {
                Some("--screenshots") => args.get(2).map(std::path::PathBuf::from),
                _ => None,
            };
            match xtask::browser::check(&root, dir.as_deref()) {
                Ok(problems) if problems.is_empty() => {
                    println!("browser-check: every page loads cleanly.");
                    Ok(())
                }
                Ok(problems) => Err(format!(
                    "{} problem(s) a reader would meet:\n- {}",
                    problems.len(),
                    problems.join("\n- ")
                )),
                Err(e) => Err(e),
            }
        }
        Some("check") => {
            let problems = xtask::tidy::check(&root);
            if problems.is_empty() {
                println!(
                    "The workspace is tidy: lessons, chapters, SUMMARY, includes, anchors and snapshots all agree."
                );
                Ok(())
            } else {
                Err(format!("\n{}", xtask::tidy::report(&problems)))
            }
        }
        Some("python") => {
            let bless = args.iter().any(|a| a == "--bless");
            match xtask::python::run(&root, bless) {
                Ok(0) => Ok(()),
                Ok(n) => Err(format!(
                    "{n} Python program(s) did not print their .out file."
                )),
                Err(e) => Err(e),
            }
        }
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprint!("There is no xtask command {other:?}.\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
