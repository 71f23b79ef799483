//! `cargo xtask`'s command line: every command, what it takes (an
//! [`args::Spec`]), what it does, and the help text made from them, so
//! that `cargo xtask help` documents every command and cannot miss one.
//!
//! Exit codes: 0 success, 1 the command ran and failed, 2 the command line
//! was wrong (nothing was done).

use std::path::PathBuf;

use crate::args::{self, Spec};
use crate::new_lesson;

/// A command line that parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Serve {
        port: u16,
        open: bool,
    },
    Book,
    NewLesson(new_lesson::Options),
    Python {
        bless: bool,
    },
    BrowserCheck {
        screenshots: Option<PathBuf>,
    },
    /// The words after `bench`, unparsed: the bench module reads them.
    Bench(Vec<String>),
    Playground,
    Check,
    Exercises,
    Exercise {
        name: String,
        reset: bool,
    },
    Help,
}

/// The exit code for success.
pub const EXIT_OK: u8 = 0;
/// The exit code when a command ran and failed.
pub const EXIT_FAILED: u8 = 1;
/// The exit code for a wrong command line.
pub const EXIT_USAGE: u8 = 2;

/// One command: its spec (`None`: the rest of the line goes to the command
/// unparsed), its usage if the spec cannot show it, and what it does.
struct Entry {
    spec: Spec,
    passthrough: Option<&'static str>,
    about: &'static str,
}

const fn spec(
    command: &'static str,
    positionals: &'static [&'static str],
    flags: &'static [&'static str],
    options: &'static [(&'static str, &'static str)],
) -> Spec {
    Spec {
        command,
        positionals,
        flags,
        options,
    }
}

const COMMANDS: &[Entry] = &[
    Entry {
        spec: spec("serve", &[], &["--open"], &[("--port", "N")]),
        passthrough: None,
        about: "serve the book on http://localhost:N (default 3000; N from 1 to 65535), rebuilt as you edit; --open opens it in a browser. Installs the pinned mdBook if missing",
    },
    Entry {
        spec: spec("book", &[], &[], &[]),
        passthrough: None,
        about: "build the book; fail on any mdBook warning; check that mdBook expands every chapter as the book tests do",
    },
    Entry {
        spec: spec(
            "new-lesson",
            &["<slug>"],
            &[],
            &[("--title", "T"), ("--after", "SLUG")],
        ),
        passthrough: None,
        about: "add the lesson crates/<slug> (a copy of crates/lesson-template), its chapter and its SUMMARY entry (after the lesson SLUG, or at the end of the last part), then test it; undoes everything if a step fails",
    },
    Entry {
        spec: spec("python", &[], &["--bless"], &[]),
        passthrough: None,
        about: "run every lesson's Python analogue and compare it with its .out file; --bless rewrites the .out files instead",
    },
    Entry {
        spec: spec("browser-check", &[], &[], &[("--screenshots", "DIR")]),
        passthrough: None,
        about: "build the book and load every page in headless Chromium, offline; --screenshots writes a PNG of each page into DIR",
    },
    Entry {
        spec: spec("bench", &[], &[], &[]),
        passthrough: Some("cargo xtask bench <name> [args]..."),
        about: "run a lesson's benchmark, its `--bin bench` in release, with the args (<name>: the lesson's folder or its [package.metadata.bench] name, e.g. `scale --quick`; `cargo xtask bench` lists them)",
    },
    Entry {
        spec: spec("playground", &[], &[], &[]),
        passthrough: None,
        about: "build the book and compile every block that has a Play button, as the button sends it, with the Rust Playground's crates; run each for up to 2 s",
    },
    Entry {
        spec: spec("exercises", &[], &[], &[]),
        passthrough: None,
        about: "list the book's exercises, chapter by chapter, with how far you are in each",
    },
    Entry {
        spec: spec("exercise", &["<name>"], &["--reset"], &[]),
        passthrough: None,
        about: "start or check an exercise: a prediction in exercises/<name>.txt, graded against the real run, or your fix in exercises/<name>.rs (a copy of the starter), run on virtual time and checked; --reset starts it again, keeping yours as .bak",
    },
    Entry {
        spec: spec("check", &[], &[], &[]),
        passthrough: None,
        about: "the tidy checks that `cargo test` runs, with a report that names each file and its fix",
    },
    Entry {
        spec: spec("help", &[], &[], &[]),
        passthrough: None,
        about: "this text (also `--help` or `-h`, after any command but bench)",
    },
];

/// `cargo xtask help`.
pub fn help() -> String {
    let mut out = String::from("cargo xtask <command>: the workspace's own commands.\n\n");
    for entry in COMMANDS {
        let usage = entry
            .passthrough
            .map_or_else(|| entry.spec.usage(), str::to_string);
        out.push_str(&format!("  {usage}\n"));
        out.push_str(&wrap(entry.about, 6, 78));
    }
    out.push('\n');
    out.push_str(&wrap(
        &format!(
            "Exit codes: {EXIT_OK} success; {EXIT_FAILED} the command ran and failed (its message says why and what fixes it); {EXIT_USAGE} the command line is wrong (an unknown command or option, a missing value, an extra argument), and nothing was done."
        ),
        0,
        78,
    ));
    out
}

fn wrap(text: &str, indent: usize, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && indent + line.len() + 1 + word.len() > width {
            out.push_str(&format!("{:indent$}{line}\n", ""));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("{:indent$}{line}\n", ""));
    }
    out
}

/// Parses a whole command line (the words after `cargo xtask`); an `Err`
/// is a usage error, one line that names the fix.
pub fn parse(words: &[String]) -> Result<Command, String> {
    let Some((name, rest)) = words.split_first() else {
        return Ok(Command::Help);
    };
    if matches!(name.as_str(), "help" | "--help" | "-h") && rest.is_empty() {
        return Ok(Command::Help);
    }
    let Some(entry) = COMMANDS.iter().find(|e| e.spec.command == name) else {
        let names: Vec<&str> = COMMANDS.iter().map(|e| e.spec.command).collect();
        return Err(format!(
            "There is no xtask command `{name}`; the commands are {} (see `cargo xtask help`).",
            names.join(", ")
        ));
    };
    if entry.passthrough.is_some() {
        return Ok(Command::Bench(rest.to_vec()));
    }
    let before_dashes = rest.iter().take_while(|w| *w != "--");
    if before_dashes.clone().any(|w| w == "--help" || w == "-h") {
        return Ok(Command::Help);
    }
    let found = args::parse(&entry.spec, rest)?;
    Ok(match name.as_str() {
        "serve" => Command::Serve {
            port: match found.option("--port") {
                Some(port) => parse_port(port)?,
                None => 3000,
            },
            open: found.flag("--open"),
        },
        "book" => Command::Book,
        "new-lesson" => Command::NewLesson(new_lesson::Options {
            slug: found.positionals[0].clone(),
            title: found.option("--title").map(str::to_string),
            after: found.option("--after").map(str::to_string),
        }),
        "python" => Command::Python {
            bless: found.flag("--bless"),
        },
        "browser-check" => Command::BrowserCheck {
            screenshots: found.option("--screenshots").map(PathBuf::from),
        },
        "playground" => Command::Playground,
        "check" => Command::Check,
        "exercises" => Command::Exercises,
        "exercise" => Command::Exercise {
            name: found.positionals[0].clone(),
            reset: found.flag("--reset"),
        },
        "help" => Command::Help,
        other => unreachable!("the command {other} is in COMMANDS but not parsed"),
    })
}

fn parse_port(port: &str) -> Result<u16, String> {
    match port.parse::<u16>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "`--port` takes a port number from 1 to 65535, not `{port}`; for example `cargo xtask serve --port 3001`."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(line: &str) -> Result<Command, String> {
        let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        parse(&words)
    }

    #[test]
    fn every_command_parses_what_it_takes() {
        let lesson = |slug: &str, title: Option<&str>, after: Option<&str>| {
            Command::NewLesson(new_lesson::Options {
                slug: slug.into(),
                title: title.map(str::to_string),
                after: after.map(str::to_string),
            })
        };
        let cases: &[(&str, Command)] = &[
            ("", Command::Help),
            ("help", Command::Help),
            ("--help", Command::Help),
            ("serve --help", Command::Help),
            (
                "serve",
                Command::Serve {
                    port: 3000,
                    open: false,
                },
            ),
            (
                "serve --port 3001 --open",
                Command::Serve {
                    port: 3001,
                    open: true,
                },
            ),
            (
                "serve --port=65535",
                Command::Serve {
                    port: 65535,
                    open: false,
                },
            ),
            ("book", Command::Book),
            ("check", Command::Check),
            ("exercises", Command::Exercises),
            (
                "exercise courier-race",
                Command::Exercise {
                    name: "courier-race".into(),
                    reset: false,
                },
            ),
            (
                "exercise courier-race --reset",
                Command::Exercise {
                    name: "courier-race".into(),
                    reset: true,
                },
            ),
            ("python", Command::Python { bless: false }),
            ("python --bless", Command::Python { bless: true }),
            ("browser-check", Command::BrowserCheck { screenshots: None }),
            (
                "browser-check --screenshots shots",
                Command::BrowserCheck {
                    screenshots: Some("shots".into()),
                },
            ),
            ("new-lesson retry", lesson("retry", None, None)),
            (
                "new-lesson retry --after first-steps --title Retrying",
                lesson("retry", Some("Retrying"), Some("first-steps")),
            ),
            (
                "bench scale --quick --whatever",
                Command::Bench(vec!["scale".into(), "--quick".into(), "--whatever".into()]),
            ),
            ("bench", Command::Bench(vec![])),
        ];
        for (line, expected) in cases {
            assert_eq!(&parse_words(line).unwrap(), expected, "{line:?}");
        }
    }

    #[test]
    fn wrong_command_lines_are_usage_errors_that_name_the_fix() {
        let cases: &[(&str, &str)] = &[
            ("serve --port", "`--port` needs a value, as in `--port N`"),
            (
                "serve --port abc",
                "takes a port number from 1 to 65535, not `abc`",
            ),
            ("serve --port 0", "not `0`"),
            ("serve --port 65536", "not `65536`"),
            ("serve 3000", "takes no argument like `3000`"),
            (
                "python --blss",
                "`cargo xtask python` has no option `--blss`",
            ),
            ("python --bless=yes", "`--bless` takes no value"),
            ("book --open", "has no option `--open`"),
            ("check everything", "takes no argument like `everything`"),
            (
                "browser-check --screenshots",
                "`--screenshots` needs a value",
            ),
            ("new-lesson", "`cargo xtask new-lesson` needs <slug>"),
            ("new-lesson a b", "`b` is one too many"),
            ("new-lesson a --force", "has no option `--force`"),
            ("new-lesson a --after", "`--after` needs a value"),
            ("help me", "`cargo xtask help` takes no argument like `me`"),
            ("exercise", "`cargo xtask exercise` needs <name>"),
            (
                "exercises courier-race",
                "takes no argument like `courier-race`",
            ),
            (
                "sreve",
                "There is no xtask command `sreve`; the commands are serve, book",
            ),
        ];
        for (line, expected) in cases {
            let message = parse_words(line).expect_err(&format!("{line:?} was accepted"));
            assert!(
                message.contains(expected),
                "{line:?}: {message:?} does not say {expected:?}"
            );
            assert!(
                message.lines().count() == 1 && message.ends_with('.'),
                "{line:?}: {message:?} is not one line"
            );
        }
    }

    #[test]
    fn help_documents_every_command_and_the_exit_codes() {
        let text = help();
        for entry in COMMANDS {
            assert!(
                text.contains(&format!("  cargo xtask {}", entry.spec.command)),
                "help omits {}:\n{text}",
                entry.spec.command
            );
        }
        for usage in [
            "cargo xtask serve [--port N] [--open]",
            "cargo xtask new-lesson <slug> [--title T] [--after SLUG]",
            "cargo xtask python [--bless]",
            "cargo xtask browser-check [--screenshots DIR]",
            "cargo xtask bench <name> [args]...",
        ] {
            assert!(text.contains(usage), "help lacks {usage:?}:\n{text}");
        }
        assert!(text.contains("Exit codes: 0 success; 1 the command ran and failed"));
        assert!(text.contains("2 the command line is wrong"));
        assert!(
            text.lines().all(|l| l.len() <= 80),
            "help has long lines:\n{text}"
        );
    }
}
