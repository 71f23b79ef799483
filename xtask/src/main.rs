//! `cargo xtask <command>`: the workspace's own commands. Run
//! `cargo xtask help` for the list and the exit codes.

use std::process::ExitCode;

use xtask::cli::{self, Command, EXIT_FAILED, EXIT_USAGE};

fn main() -> ExitCode {
    let words: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&words) {
        Ok(command) => command,
        Err(usage) => {
            eprintln!("error: {usage}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if command == Command::Help {
        print!("{}", cli::help());
        return ExitCode::SUCCESS;
    }
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    let root = xtask::workspace_root()?;
    match command {
        Command::Serve { port, open } => xtask::mdbook::serve(&root, port, open),
        Command::Book => xtask::mdbook::build(&root),
        Command::Playground => xtask::playground::main(&root),
        Command::Bench(args) => xtask::bench::main(&root, &args),
        Command::NewLesson(options) => xtask::new_lesson::main(&root, &options),
        Command::BrowserCheck { screenshots } => {
            match xtask::browser::check(&root, screenshots.as_deref()) {
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
        Command::Check => {
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
        Command::Python { bless } => match xtask::python::run(&root, bless) {
            Ok(0) => Ok(()),
            Ok(n) => Err(format!(
                "{n} Python program(s) did not print their .out file."
            )),
            Err(e) => Err(e),
        },
        Command::Exercises => {
            print!("{}", xtask::exercises::list(&root));
            Ok(())
        }
        Command::Exercise { name, reset } => {
            let outcome = xtask::exercises::run(&root, &name, reset)?;
            println!("{}", outcome.report.trim_end());
            if outcome.passed {
                Ok(())
            } else {
                // The report above says what to do; exit 1 without more.
                std::process::exit(i32::from(EXIT_FAILED));
            }
        }
        Command::Help => {
            print!("{}", cli::help());
            Ok(())
        }
    }
}
